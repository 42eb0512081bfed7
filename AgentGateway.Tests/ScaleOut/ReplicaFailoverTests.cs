#pragma warning disable MCP9005 // Sampling is deprecated in 2026-07-28; these tests are about 2025-x clients that still use it.
using AgentGateway.Tests.Mcp.TestServers;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Tests.ScaleOut;

/// <summary>
/// Three gateway replicas sharing one Redis behind a plain round-robin front: one MCP session is served by whichever
/// replica a request lands on — tools, sampling round trips (the client's answer is POSTed to another replica than
/// the one that asked), progress and list changes — and survives a replica being killed.
/// </summary>
public class ReplicaFailoverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static string Yaml(TestMcpServer upstream) =>
        McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", upstream.Url), extra: "sessions: { store: redis, ttl: 10m }\n");

    [Fact]
    public async Task McpSession_MovesBetweenReplicas_WithSamplingAndProgress_AndSurvivesAReplicaKill()
    {
        await using var upstream = await TestMcpServer.StartAsync();
        await using var cluster = await ReplicaCluster.StartAsync(Yaml(upstream));
        var sampled = 0;
        await using var client = await McpTestClient.ConnectAsync(cluster.Front, options: SamplingClient(q => { Interlocked.Increment(ref sampled); return $"answer to {q}"; }));
        var sessionId = client.SessionId;

        await ExerciseAsync(client, round: 0);
        Assert.All(Enumerable.Range(0, 3), i => Assert.True(cluster.Served(i, "tools"), $"replica {i} served none of the session's requests"));

        await cluster.KillAsync(1);

        for (var round = 1; round <= 3; round++)
        {
            await ExerciseAsync(client, round);
        }

        Assert.Equal(sessionId, client.SessionId);
        Assert.Equal(4 * 3, sampled);
    }

    [Fact]
    public async Task UnsolicitedListChangedFromAnUpstream_ReachesTheClientsStream_OnWhicheverReplicaHoldsIt()
    {
        await using var upstream = await TestMcpServer.StartAsync();
        await using var cluster = await ReplicaCluster.StartAsync(Yaml(upstream));
        var changes = new ListChangeCounter();
        await using var client = await McpTestClient.ConnectAsync(cluster.Front, options: changes.Options);

        // Warm up: every replica serves the session once.
        await WarmUpAsync(client);
        await Task.Delay(1000, Ct);

        // Each call lands on the next replica; the client's standalone stream is held by one of them.
        await AssertEachTouchReachesTheClientAsync(client, changes, times: 6, when: "");
    }

    [Fact]
    public async Task UnsolicitedListChanged_StillReachesTheClient_AfterTheReplicaHoldingItsStreamIsKilled()
    {
        await using var upstream = await TestMcpServer.StartAsync();
        await using var cluster = await ReplicaCluster.StartAsync(Yaml(upstream),
            extraSettings: new Dictionary<string, string?> { ["Logging:LogLevel:AgentGateway.Mcp"] = "Debug" });
        var changes = new ListChangeCounter();
        await using var client = await McpTestClient.ConnectAsync(cluster.Front, options: changes.Options);
        await WarmUpAsync(client);

        // The replica holding the client's standalone stream dies; the client reconnects it to another one.
        var holder = -1;
        Assert.True(await McpTestClient.EventuallyAsync(() =>
        {
            holder = Enumerable.Range(0, 3).FirstOrDefault(i => cluster.Logs[i].Entries.Any(e => e.Message.Contains("standalone stream is open on this replica", StringComparison.Ordinal)), -1);
            return Task.FromResult(holder >= 0);
        }, TimeSpan.FromSeconds(10)), "no replica holds the client's standalone stream");
        await cluster.KillAsync(holder);
        await Task.Delay(3000, Ct);

        await AssertEachTouchReachesTheClientAsync(client, changes, times: 3, when: $" after replica {holder} died");
    }

    private static async Task WarmUpAsync(McpClient client)
    {
        for (var i = 0; i < 3; i++)
        {
            await client.CallToolAsync("add", new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 }, cancellationToken: Ct);
        }
    }

    /// <summary>Calls <c>touch_tools_later</c> <paramref name="times"/> times: each must bring the client one more list_changed.</summary>
    private static async Task AssertEachTouchReachesTheClientAsync(McpClient client, ListChangeCounter changes, int times, string when)
    {
        var baseline = changes.Count;
        for (var i = 1; i <= times; i++)
        {
            await client.CallToolAsync("touch_tools_later", cancellationToken: Ct);
            var expected = baseline + i;
            Assert.True(await McpTestClient.EventuallyAsync(() => Task.FromResult(changes.Count >= expected), TimeSpan.FromSeconds(10)),
                $"list_changed {i} did not reach the client{when} (got {changes.Count - baseline})");
        }
    }

    /// <summary>A client that answers server requests (so it gets upstream connections of its own) and counts tools/list_changed.</summary>
    private sealed class ListChangeCounter
    {
        private int _count;

        public ListChangeCounter()
        {
            Options = SamplingClient(q => q);
            Options.Handlers.NotificationHandlers = [new(NotificationMethods.ToolListChangedNotification, (_, _) => { Interlocked.Increment(ref _count); return default; })];
        }

        public McpClientOptions Options { get; }

        public int Count => Volatile.Read(ref _count);
    }

    private static async Task ExerciseAsync(McpClient client, int round)
    {
        for (var i = 0; i < 3; i++)
        {
            var sum = await client.CallToolAsync("add", new Dictionary<string, object?> { ["a"] = round, ["b"] = i }, cancellationToken: Ct);
            Assert.Equal(round + i, sum.StructuredContent!.Value.GetProperty("sum").GetInt32());

            var answer = await client.CallToolAsync("ask", new Dictionary<string, object?> { ["question"] = $"q{round}.{i}" }, cancellationToken: Ct);
            Assert.Equal($"answer to q{round}.{i}", Text(answer));

            var steps = new List<ProgressNotificationValue>();
            var done = await client.CallToolAsync("countdown", new Dictionary<string, object?> { ["n"] = 3 },
                new SynchronousProgress(p => { lock (steps) { steps.Add(p); } }), cancellationToken: Ct);
            Assert.Equal("liftoff", Text(done));
            lock (steps)
            {
                Assert.Equal(["3", "2", "1"], steps.Select(s => s.Message));
            }
        }
    }

    internal static McpClientOptions SamplingClient(Func<string, string> answer) => new()
    {
        ProtocolVersion = "2025-11-25",
        Handlers = new McpClientHandlers
        {
            SamplingHandler = (request, _, _) =>
            {
                var question = string.Concat(request!.Messages.SelectMany(m => m.Content).OfType<TextContentBlock>().Select(t => t.Text));
                return ValueTask.FromResult(new CreateMessageResult
                {
                    Model = "test-model",
                    Role = Role.Assistant,
                    Content = [new TextContentBlock { Text = answer(question) }],
                });
            },
        },
    };

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    /// <summary>Reports on the caller's thread, so every notification is counted before the call returns.</summary>
    private sealed class SynchronousProgress(Action<ProgressNotificationValue> report) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => report(value);
    }
}
