using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentGateway.AppHost.Tests.Infrastructure;

/// <summary>
/// <c>dotnet run --project AgentGateway.AppHost</c> as a person runs it (built already, so <c>--no-build</c>), its
/// output collected. The dashboard gets free ports instead of the launch profile's fixed ones, so a stack a
/// developer left running does not break the test; the rest is what launchSettings.json sets.
/// </summary>
internal sealed partial class AppHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppHostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static AppHostProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["run", "--project", TestPaths.AppHostProject, "--no-build", "-c", TestPaths.Configuration, "--no-launch-profile", "--", .. args])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        info.Environment["ASPNETCORE_URLS"] = $"http://localhost:{FreePort()}";
        info.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{FreePort()}";
        info.Environment["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://localhost:{FreePort()}";
        var process = new AppHostProcess(Process.Start(info)!);
        process._process.OutputDataReceived += (_, e) => process.Append(e.Data);
        process._process.ErrorDataReceived += (_, e) => process.Append(e.Data);
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits for the first output match of <paramref name="pattern"/>; fails with the output if the process exits first.</summary>
    public async Task<Match> WaitForAsync(Regex pattern, TimeSpan timeout, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        while (!wait.IsCancellationRequested)
        {
            if (pattern.Match(Output) is { Success: true } match)
            {
                return match;
            }

            if (_process.HasExited)
            {
                Assert.Fail($"the AppHost exited ({_process.ExitCode}) before printing /{pattern}/:\n{Output}");
            }

            await Task.Delay(200, CancellationToken.None);
        }

        Assert.Fail($"no /{pattern}/ within {timeout}:\n{Output}");
        throw new UnreachableException();
    }

    /// <summary>Everything this run started: its own process tree and DCP's (DCP detaches, then watches the AppHost's pid).</summary>
    public IReadOnlyList<int> StackProcesses()
    {
        var own = ProcessTree.Descendants(_process.Id);
        var roots = new List<int>(own);
        foreach (var apphost in own)
        {
            roots.AddRange(ProcessTree.WithCommandLine($"--monitor {apphost.ToString(CultureInfo.InvariantCulture)} "));
        }

        return [.. roots.Distinct().SelectMany(static r => ProcessTree.Descendants(r).Prepend(r)).Distinct()];
    }

    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
