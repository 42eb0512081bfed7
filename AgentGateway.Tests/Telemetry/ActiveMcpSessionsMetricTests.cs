using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;

namespace AgentGateway.Tests.Telemetry;

/// <summary>The active MCP sessions gauge follows sessions in and out: opened, deleted by the client, expired while idle.</summary>
public partial class ActiveMcpSessionsMetricTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ActiveSessionsGauge_CountsOpenSessions_AndDropsDeletedAndIdleExpiredOnes()
    {
        await using var upstream = await TestMcpServer.StartAsync();
        var adminPort = FreePort.Next();
        // A backend name no other test uses: the gateway's meter is process-wide, like in production.
        await using var gw = await TestGateway.StartAsync($$"""
            admin: { url: "http://127.0.0.1:{{adminPort}}" }
            routes: [{ name: gauged, path: /mcp, mcp: gauged }]
            sessions: { ttl: 2s }
            mcp:
              gauged:
                targets:
            {{McpTestClient.UrlTarget("http", upstream.Url)}}
            """);
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}") };

        // An SDK client keeps its session busy (its standalone stream); a bare initialize leaves one idle.
        var client = await McpTestClient.ConnectAsync(gw);
        using var http = gw.CreateClient();
        await InitializeAsync(http);
        Assert.True(await GaugeReachesAsync(admin, 2), "two open sessions");

        await client.DisposeAsync(); // DELETE
        Assert.True(await GaugeReachesAsync(admin, 1), "the deleted session is no longer counted");

        // The idle one expires after the 2 s TTL (the SDK checks every 5 s).
        Assert.True(await GaugeReachesAsync(admin, 0, TimeSpan.FromSeconds(20)), "the idle session expired and is no longer counted");
    }

    private static async Task InitializeAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent("""
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"idle","version":"1"}}}
                """, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        Assert.True(response.Headers.Contains("Mcp-Session-Id"));
    }

    private static async Task<bool> GaugeReachesAsync(HttpClient admin, int expected, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            var text = await admin.GetStringAsync("/metrics", Ct);
            var match = GaugeLine().Match(text);
            var value = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (value == expected)
            {
                return true;
            }

            await Task.Delay(200, Ct);
        }

        return false;
    }

    [GeneratedRegex("agentgateway_mcp_sessions_active\\{[^}]*backend=\"gauged\"[^}]*\\} (\\d+)")]
    private static partial Regex GaugeLine();
}
