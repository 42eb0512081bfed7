using System.Diagnostics;

namespace AgentGateway.Tests.Infrastructure;

/// <summary>
/// The gateway as its own process (the built AgentGateway.Gateway.dll), for what an in-process host cannot show:
/// standard output, shutdown on a signal, and a process where no test's ActivityListener decides sampling.
/// </summary>
public sealed class GatewayChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private GatewayChildProcess(Process process, int port)
    {
        _process = process;
        // No header propagator: with another test's listener on System.Net.Http, the test process's own client would
        // replace a traceparent a test sets.
        Client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        StandardOutput = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
    }

    public HttpClient Client { get; }

    /// <summary>Everything the process wrote to standard output, complete once it has exited.</summary>
    public Task<string> StandardOutput { get; }

    public int Id => _process.Id;

    /// <summary>
    /// Starts the gateway in Production with <paramref name="yaml"/> as its config and waits until
    /// <paramref name="readyPath"/> answers. <paramref name="environment"/> entries with a null value are removed
    /// from what the child inherits.
    /// </summary>
    public static async Task<GatewayChildProcess> StartAsync(string yaml, string readyPath, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var config = Path.Combine(Directory.CreateTempSubdirectory("agw-child-").FullName, "gateway.yaml");
        await File.WriteAllTextAsync(config, yaml, TestContext.Current.CancellationToken);
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "AgentGateway.Gateway.dll"), "--config", config, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var child = new GatewayChildProcess(Process.Start(start)!, port);
        try
        {
            await child.WaitForListeningAsync(readyPath);
            return child;
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A gateway process with one route, <c>/api</c> (named <c>web</c>) to <paramref name="echo"/>, started as
    /// <see cref="StartAsync"/> does and ready once <c>/api/ready</c> answers.
    /// </summary>
    public static Task<GatewayChildProcess> StartInFrontOfAsync(EchoServer echo, IReadOnlyDictionary<string, string?>? environment = null) =>
        StartAsync($$"""
            admin: { url: "" }
            routes: [{ name: web, path: /api, http: e }]
            http: { e: { destinations: [{{echo.BaseAddress}}] } }
            """, "/api/ready", environment);

    /// <summary>Sends SIGTERM (a clean shutdown, as an orchestrator stops a pod) and waits for the process to exit.</summary>
    public async Task TerminateAsync()
    {
        Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitForListeningAsync(string path)
    {
        for (var i = 0; i < 200; i++)
        {
            try
            {
                await Client.GetAsync(path, TestContext.Current.CancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
                if (_process.HasExited)
                {
                    break;
                }

                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        Assert.Fail("the gateway did not start listening");
    }
}
