using System.Diagnostics;
using System.Text.Json;
using AgentGateway.AppHost.Hosting;

namespace AgentGateway.Tests.AppHost;

/// <summary>The dashboard in a real headless Chromium (playwright-core), as a person would use it.</summary>
public class DashboardBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_InChromium_ShowsResourcesAndTraceWaterfall()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip($"{Chromium} is not installed (apt-get install -y chromium, or run .ci/setup.d/20-apphost.sh)");
        }

        var ct = TestContext.Current.CancellationToken;
        var jsDir = Path.GetFullPath("../AgentGateway.Tests/AppHost/js", DistributedApplicationBuilder.DefaultAppHostDirectory());
        Assert.True(Directory.Exists(Path.Combine(jsDir, "node_modules", "playwright-core")),
            $"playwright-core is not installed in {jsDir}: run `npm ci` there (.ci/setup.d/20-apphost.sh does)");
        await using var app = await DashboardTestApp.StartAsync(
            b => b.AddExecutable("web", "node", ".", "-e", AppHostScripts.HttpServer).WithHttpHealthCheck("/health"), ct);
        await app.WaitForResourceHealthyAsync("web", ct);
        OtlpTestSender.SendCrossServiceTrace(app.Dashboard(), "frontend-svc", "backend-svc", "chat gpt-test");

        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        var (exitCode, stdout, stderr) = await RunNodeAsync(jsDir, ct, "dashboard.mjs",
            app.Dashboard().ToString().TrimEnd('/'), "web", "chat gpt-test", screenshot);

        Assert.True(exitCode == 0, $"browser script failed ({exitCode}):\n{stdout}\n{stderr}");
        using var seen = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        Assert.Contains("Healthy", seen.RootElement.GetProperty("resourceRow").GetString());
        var rows = seen.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("frontend-svc", rows[0]);
        Assert.Contains("backend-svc", rows[2]);
        Assert.Contains("gen_ai.request.model", seen.RootElement.GetProperty("details").GetString());
        Assert.StartsWith("#/trace/", seen.RootElement.GetProperty("hash").GetString());
        Assert.True(new FileInfo(screenshot).Length > 1000, "screenshot missing");
        TestContext.Current.AddAttachment("dashboard.png", await File.ReadAllBytesAsync(screenshot, ct), "image/png");
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunNodeAsync(string dir, CancellationToken ct, params string[] args)
    {
        var info = new ProcessStartInfo("node") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
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
