using System.Net;
using AgentGateway.AppHost.Tests.Infrastructure;

namespace AgentGateway.AppHost.Tests;

/// <summary>
/// <c>--replicas 2</c>: two gateway replicas sharing Redis behind the front named "gateway". One MCP session over
/// one keep-alive connection is served by both replicas (the front spreads requests, not connections), and it
/// goes on when Redis goes away, with every replica reporting degraded health, not down.
/// </summary>
public sealed class ReplicatedStackTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OneMcpSession_IsServedByEveryReplica_AndOutlivesARedisOutage()
    {
        await using var stack = await LocalStackApp.StartAsync(["--replicas", "2"], dashboard: false, Ct);
        using var http = new HttpClient();
        var mcp = new Uri(stack.Endpoint("gateway"), "/mcp");
        var sessionId = await McpHttp.InitializeAsync(http, mcp, Ct);
        for (var i = 0; i < 4; i++)
        {
            var forecast = await McpHttp.CallToolAsync(http, mcp, sessionId, 10 + i, "weather_get_forecast", """{"city":"Lisbon","days":1}""", Ct);
            Assert.Equal("Lisbon", forecast.GetProperty("structuredContent").GetProperty("city").GetString());
        }

        string[] replicas = ["gateway-0", "gateway-1"];
        foreach (var replica in replicas)
        {
            // The access log line of every request names its route.
            if (!(await stack.ConsoleTextAsync(replica)).Contains("route=tools", StringComparison.Ordinal))
            {
                Assert.Fail($"{replica} served none of the session's requests\n{await stack.DescribeLogsAsync()}");
            }
        }

        // Redis stops: the replicas keep serving the session from memory and say "Degraded" (200), not down.
        var stop = await stack.App.ResourceCommands.ExecuteCommandAsync("redis", KnownResourceCommands.StopCommand, Ct);
        Assert.True(stop.Success, stop.Message);
        foreach (var replica in replicas)
        {
            await WaitForHealthAsync(http, new Uri(stack.Endpoint(replica), "/health"), "Degraded");
        }

        for (var i = 0; i < 2; i++)
        {
            var forecast = await McpHttp.CallToolAsync(http, mcp, sessionId, 20 + i, "weather_get_forecast", """{"city":"Tokyo","days":1}""", Ct);
            Assert.Equal("Tokyo", forecast.GetProperty("structuredContent").GetProperty("city").GetString());
        }
    }

    private static async Task WaitForHealthAsync(HttpClient http, Uri health, string expected)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var last = "";
        try
        {
            while (true)
            {
                using var response = await http.GetAsync(health, timeout.Token);
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(timeout.Token)}";
                if (response.StatusCode == HttpStatusCode.OK && last.Contains(expected, StringComparison.Ordinal))
                {
                    return;
                }

                await Task.Delay(500, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            Assert.Fail($"{health} never answered 200 {expected}; last: {last}");
        }
    }
}
