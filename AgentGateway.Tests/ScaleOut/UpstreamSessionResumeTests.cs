using System.Text.Json.Nodes;
using AgentGateway.Tests.Mcp.TestServers;
using ModelContextProtocol.Client;
using static AgentGateway.Tests.ScaleOut.ReplicaFailoverTests;

namespace AgentGateway.Tests.ScaleOut;

/// <summary>
/// A client session's upstream Streamable HTTP sessions are recorded in Redis and resumed by every replica that
/// serves the client (no new initialize upstream), replaced when the server no longer knows them, and ended when
/// the client ends its session, through whichever replica.
/// </summary>
public class UpstreamSessionResumeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task AddAsync(McpClient client, int a, int b)
    {
        var sum = await client.CallToolAsync("add", new Dictionary<string, object?> { ["a"] = a, ["b"] = b }, cancellationToken: Ct);
        Assert.Equal(a + b, sum.StructuredContent!.Value.GetProperty("sum").GetInt32());
    }

    [Fact]
    public async Task EveryReplica_ResumesTheClientsUpstreamSession_AndTheClientsDeleteEndsIt()
    {
        await using var upstream = await TestMcpServer.StartAsync();
        await using var cluster = await ReplicaCluster.StartAsync(Yaml(upstream));
        var client = await McpTestClient.ConnectAsync(cluster.Front, options: SamplingClient(q => $"answer to {q}"));

        for (var i = 0; i < 6; i++)
        {
            await AddAsync(client, i, 1);
            var answer = await client.CallToolAsync("ask", new Dictionary<string, object?> { ["question"] = $"q{i}" }, cancellationToken: Ct);
            Assert.Equal($"answer to q{i}", ((ModelContextProtocol.Protocol.TextContentBlock)answer.Content[0]).Text);
        }

        Assert.All(Enumerable.Range(0, 3), i => Assert.True(cluster.Served(i, "tools"), $"replica {i} served none of the session's requests"));
        var upstreamSession = Assert.Single(upstream.State.SamplingSessions); // one upstream session, not one per replica
        Assert.True(upstreamSession.Value);

        var sessionId = client.SessionId!;
        await client.DisposeAsync(); // DELETE through the front, to whichever replica
        Assert.True(await McpTestClient.EventuallyAsync(() => Task.FromResult(!upstream.State.SamplingSessions[upstreamSession.Key]), TimeSpan.FromSeconds(10)),
            "the upstream session outlived the client's session");

        // Every replica held a copy of the session; none may serve it after the DELETE.
        foreach (var replica in cluster.Replicas)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
            {
                Content = new StringContent("""{"jsonrpc":"2.0","id":9,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Mcp-Session-Id", sessionId);
            request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
            request.Headers.Accept.ParseAdd("application/json, text/event-stream");
            using var response = await replica.CreateClient().SendAsync(request, Ct);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task AStoredUpstreamSessionTheServerNoLongerKnows_IsReplacedWithoutFailingACall()
    {
        await using var upstream = await TestMcpServer.StartAsync();
        await using var cluster = await ReplicaCluster.StartAsync(Yaml(upstream));
        await using var client = await McpTestClient.ConnectAsync(cluster.Front, options: SamplingClient(q => q));
        await AddAsync(client, 1, 1);

        // The recorded upstream session is one the server has never heard of (as after an upstream restart).
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(cluster.Redis.ConnectionString);
        var db = redis.GetDatabase();
        var key = $"agentgateway:mcp:session:{client.SessionId}";
        var record = JsonNode.Parse((string)(await db.StringGetAsync(key))!)!;
        var stored = record["UpstreamSessions"]!.AsObject().Single().Value!;
        stored["SessionId"] = "forgotten-" + Guid.NewGuid().ToString("N");
        await db.StringSetAsync(key, record.ToJsonString(), TimeSpan.FromMinutes(10));

        for (var i = 0; i < 6; i++)
        {
            await AddAsync(client, i, 2);
        }

        Assert.Contains(cluster.Logs, log => log.Entries.Any(e => e.Message.Contains("could not be resumed", StringComparison.Ordinal)));
        Assert.True(upstream.State.SamplingSessions.Count >= 2, "no new upstream session replaced the forgotten one");
    }
}
