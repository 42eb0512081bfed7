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
        await using var gateway = await GatewayChildProcess.StartInFrontOfAsync(echo);

        const int requests = 300;
        await Parallel.ForAsync(0, requests, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (i, ct) =>
            (await gateway.Client.GetAsync($"/api/n{i}", ct)).EnsureSuccessStatusCode());

        // SIGTERM right after the burst: lines still waiting in the console logger's queue must come out.
        await gateway.TerminateAsync();
        var lines = (await gateway.StandardOutput).Split('\n');

        var access = Enumerable.Range(0, lines.Length - 1)
            .Where(i => lines[i] == "info: AgentGateway.AccessLog[1]")
            .Select(i => lines[i + 1])
            .Where(line => line.StartsWith("      access route=web method=GET path=/api/n", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(requests, access.Count);
        Assert.Equal(requests, access.Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]).Distinct().Count());
        Assert.All(access, line => Assert.Matches(@" status=200 durationMs=[0-9.]+ upstream=\S+ bytesOut=[0-9]+$", line));
    }
}
