using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;

namespace AgentGateway.Tests.ScaleOut;

/// <summary>
/// Three gateway replicas sharing one Redis behind a plain round-robin front (our own http route over
/// YARP, no sticky sessions, no retry policy: only its connect-error failover): an MCP session keeps working on whichever replica a request lands on,
/// and survives a replica being killed.
/// </summary>
public class ReplicaFailoverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task McpSession_MovesBetweenReplicas_AndSurvivesAReplicaKill()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var upstream = await TestMcpServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString };
        var yaml = McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", upstream.Url), extra: "sessions: { store: redis, ttl: 10m }\n");
        var logs = Enumerable.Range(0, 3).Select(_ => new CapturingLoggerProvider()).ToArray();
        var replicas = new List<TestGateway>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var log = logs[i];
                replicas.Add(await TestGateway.StartAsync(yaml, settings, b => b.Logging.AddProvider(log)));
            }

            await using var front = await TestGateway.StartAsync($$"""
                routes: [{ name: front, path: /, http: replicas }]
                http: { replicas: { destinations: [{{string.Join(", ", replicas.Select(r => r.BaseAddress))}}], reactivationPeriod: 1m } }
                """);
            await using var client = await McpTestClient.ConnectAsync(front);
            var sessionId = client.SessionId;

            for (var i = 0; i < 6; i++)
            {
                var sum = await client.CallToolAsync("add", new Dictionary<string, object?> { ["a"] = i, ["b"] = 1 }, cancellationToken: Ct);
                Assert.Equal(i + 1, sum.StructuredContent!.Value.GetProperty("sum").GetInt32());
            }

            // Round-robin without stickiness: every replica served part of this one session.
            Assert.All(logs, log => Assert.Contains(log.Entries, e => e.Category == "AgentGateway.AccessLog" && e.Message.Contains("route=tools", StringComparison.Ordinal)));

            await replicas[1].DisposeAsync();
            replicas.RemoveAt(1);

            for (var i = 0; i < 9; i++)
            {
                var sum = await client.CallToolAsync("add", new Dictionary<string, object?> { ["a"] = 100, ["b"] = i }, cancellationToken: Ct);
                Assert.Equal(100 + i, sum.StructuredContent!.Value.GetProperty("sum").GetInt32());
            }

            var tools = await client.ListToolsAsync(cancellationToken: Ct);
            Assert.Contains(tools, t => t.Name == "add");
            Assert.Equal(sessionId, client.SessionId);
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }
}
