using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentGateway.Tests.A2A;

/// <summary>
/// A real agent process on a random loopback port: a sample C# agent (<c>dotnet X.dll</c>, port read from Kestrel's
/// "Now listening on" line) or the @a2a-js/sdk test agent (<c>node server.mjs</c>, which prints {"listening":port}).
/// Killed with its process tree on dispose; its output is kept for failure messages.
/// </summary>
internal sealed partial class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AgentProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    public static Task<AgentProcess> StartSampleAsync(string project, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { RepoPaths.SampleDll(project) } };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["PLANNER_STREAM_DELAY_MS"] = "20";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return StartAsync(start, SampleListening());
    }

    public static Task<AgentProcess> StartJsAgentAsync()
    {
        var start = new ProcessStartInfo("node") { ArgumentList = { "server.mjs", "0" }, WorkingDirectory = RepoPaths.JsFolder };
        return StartAsync(start, JsListening());
    }

    private static async Task<AgentProcess> StartAsync(ProcessStartInfo start, Regex listening)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = new Process { StartInfo = start };
        var agent = new AgentProcess(process);
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (agent._output)
            {
                agent._output.AppendLine(line);
            }

            if (listening.Match(line) is { Success: true } m)
            {
                ready.TrySetResult(new Uri($"http://127.0.0.1:{m.Groups["port"].Value}"));
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("agent exited early:\n" + agent.Output));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            agent.BaseAddress = await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }

        return agent;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex SampleListening();

    [GeneratedRegex(@"\{""listening"":(?<port>\d+)\}")]
    private static partial Regex JsListening();
}
