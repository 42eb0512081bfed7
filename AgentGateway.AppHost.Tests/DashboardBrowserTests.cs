using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AgentGateway.AppHost.Tests.Infrastructure;

namespace AgentGateway.AppHost.Tests;

/// <summary>The real Aspire dashboard of the running stack, in headless Chromium (playwright-core), as a person uses it.</summary>
[Collection(SharedStackGroup.Name)]
public sealed class DashboardBrowserTests(StackFixture fixture)
{
    private const string Chromium = "/usr/bin/chromium";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_InChromium_ShowsTheGatewayRunning_AndATraceOfTheGateway()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is not installed (apt-get install -y chromium, or run .ci/setup.d/20-apphost.sh)");
        var jsDir = TestPaths.Js;
        Assert.True(Directory.Exists(Path.Combine(jsDir, "node_modules", "playwright-core")),
            $"playwright-core is not installed in {jsDir}: run `npm ci` in AgentGateway.AppHost.Tests/js (.ci/setup.d/20-apphost.sh does)");

        // A chat request with a known trace id, already in the dashboard before the browser looks for it.
        var trace = TraceContext.New();
        using (var http = new HttpClient())
        using (var chat = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Stack.Endpoint("gateway"), "/v1/chat/completions")))
        {
            chat.Content = new StringContent("""{"model":"mock-small","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json");
            trace.Apply(chat);
            (await http.SendAsync(chat, Ct)).EnsureSuccessStatusCode();
        }

        var login = await fixture.Stack.App.GetDashboardUrlAsync(Ct);
        using (var telemetry = new DashboardTelemetry(login))
        {
            await telemetry.WaitForTraceAsync(trace.TraceId, static s => s.Any(static x => x.Service == "mock-llm") && s.Any(static x => x.Service == "gateway"), Ct);
        }

        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard")).FullName;
        var (exitCode, stdout, stderr) = await RunNodeAsync(jsDir, "dashboard.mjs", login.ToString(), "gateway", trace.TraceId, "mock-llm", shots);

        Assert.True(exitCode == 0, $"browser script failed ({exitCode}):\n{stdout}\n{stderr}");
        using var seen = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        Assert.Contains("Running", seen.RootElement.GetProperty("resourceRow").GetString(), StringComparison.Ordinal);
        var traceText = seen.RootElement.GetProperty("trace").GetString()!;
        Assert.Contains("gateway", traceText, StringComparison.Ordinal);
        Assert.Contains("mock-llm", traceText, StringComparison.Ordinal);
        foreach (var shot in new[] { "resources.png", "trace.png" })
        {
            var path = Path.Combine(shots, shot);
            Assert.True(new FileInfo(path).Length > 1000, $"{shot} missing");
            TestContext.Current.AddAttachment(shot, await File.ReadAllBytesAsync(path, Ct), "image/png");
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunNodeAsync(string dir, params string[] args)
    {
        var info = new ProcessStartInfo("node") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
