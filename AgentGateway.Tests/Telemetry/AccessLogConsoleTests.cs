using System.Diagnostics;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Telemetry;

/// <summary>
/// The access log on a real gateway process's standard output: the console formatter's
/// two human-readable lines per request, and every line of a burst is there after a SIGTERM shutdown.
/// </summary>
public class AccessLogConsoleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GatewayProcess_WritesEveryAccessLine_AsConsoleText_ThroughShutdown()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "stops the gateway with SIGTERM");
        await using var echo = await EchoServer.StartAsync();
        var config = Path.Combine(Directory.CreateTempSubdirectory("agw-accesslog-").FullName, "gateway.yaml");
        await File.WriteAllTextAsync(config, $$"""
            admin: { url: "" }
            routes: [{ name: web, path: /api, http: e }]
            http: { e: { destinations: [{{echo.BaseAddress}}] } }
            """, Ct);
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "AgentGateway.Gateway.dll"), "--config", config, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(Ct);
            _ = process.StandardError.ReadToEndAsync(Ct);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitForListeningAsync(client);

            const int requests = 300;
            await Parallel.ForAsync(0, requests, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (i, ct) =>
                (await client.GetAsync($"/api/n{i}", ct)).EnsureSuccessStatusCode());

            // SIGTERM right after the burst: lines still waiting in the console logger's queue or the stdout buffer must come out.
            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            await process.WaitForExitAsync(Ct);
            var lines = (await stdout).Split('\n');

            var access = Enumerable.Range(0, lines.Length - 1)
                .Where(i => lines[i] == "info: AgentGateway.AccessLog[1]")
                .Select(i => lines[i + 1])
                .Where(line => line.StartsWith("      access route=web method=GET path=/api/n", StringComparison.Ordinal))
                .ToList();
            Assert.Equal(requests, access.Count);
            Assert.Equal(requests, access.Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]).Distinct().Count());
            Assert.All(access, line => Assert.Matches(@" status=200 durationMs=[0-9.]+ upstream=\S+ bytesOut=[0-9]+$", line));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task WaitForListeningAsync(HttpClient client)
    {
        for (var i = 0; i < 200; i++)
        {
            try
            {
                await client.GetAsync("/api/ready", Ct);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, Ct);
            }
        }

        Assert.Fail("the gateway did not start listening");
    }
}
