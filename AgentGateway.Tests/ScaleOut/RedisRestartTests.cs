using System.Diagnostics;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using ModelContextProtocol.Client;
using StackExchange.Redis;

namespace AgentGateway.Tests.ScaleOut;

/// <summary>
/// Redis dies and comes back (empty) while three replicas serve MCP sessions and rate-limited http traffic: nothing
/// fails, nothing waits longer than the Redis timeouts allow, /health says degraded and then healthy, and sessions,
/// the relay and distributed rate limits work through Redis again afterwards.
/// </summary>
public class RedisRestartTests
{
    /// <summary>The gateway's Redis timeouts are 1 s (commands) and 2 s (connect); this bound leaves room for a loaded machine.</summary>
    private static readonly TimeSpan SlowestAllowed = TimeSpan.FromSeconds(6);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RedisRestartUnderLoad_NoFailuresNoHang_AndFullBehaviourAfterwards()
    {
        await using var upstream = await TestMcpServer.StartAsync();
        await using var echo = await EchoServer.StartAsync();
        await using var cluster = await ReplicaCluster.StartAsync($$"""
            routes:
              - { name: tools, path: /mcp, mcp: tools }
              - { name: web, path: /web, http: e, policies: [limited] }
            http: { e: { destinations: [{{echo.BaseAddress}}] } }
            policies: { limited: { rateLimit: { requests: 1000000, per: 1h, key: route, store: redis, failOpen: true } } }
            sessions: { store: redis, ttl: 10m }
            mcp:
              tools:
                targets:
            {{McpTestClient.UrlTarget("http", upstream.Url)}}
            """);

        var clients = new List<McpClient>();
        for (var i = 0; i < 2; i++)
        {
            var client = await McpTestClient.ConnectAsync(cluster.Front);
            clients.Add(client);
            for (var j = 0; j < 3; j++)
            {
                await AddAsync(client, j); // every replica has served this session before the outage
            }
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var results = new System.Collections.Concurrent.ConcurrentQueue<(string Kind, bool Ok, string Detail, TimeSpan Took)>();
        var load = clients.Select(c => RunAsync("mcp", () => AddAsync(c, 1), results, stop.Token))
            .Concat(Enumerable.Range(0, 2).Select(_ => RunAsync("http", () => GetAsync(cluster.Front), results, stop.Token)))
            .ToList();

        using var health = cluster.Replicas.First().CreateClient();
        await Task.Delay(1500, Ct);
        await cluster.Redis.StopAsync();
        Assert.True(await EventuallyAsync(async () => await health.GetStringAsync("/health", Ct) == "Degraded"), "/health did not report degraded during the outage");
        await Task.Delay(3000, Ct);
        await cluster.Redis.RestartAsync();
        Assert.True(await EventuallyAsync(async () => await health.GetStringAsync("/health", Ct) == "Healthy"), "/health did not recover");
        await Task.Delay(1500, Ct);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var failures = results.Where(r => !r.Ok).Select(r => $"{r.Kind}: {r.Detail}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {results.Count} requests failed: {string.Join("; ", failures.Take(5))}");
        Assert.True(results.Count(r => r.Kind == "mcp") > 20 && results.Count(r => r.Kind == "http") > 20, $"too little load: {results.Count}");
        var slowest = results.Max(r => r.Took);
        Assert.True(slowest < SlowestAllowed, $"a request took {slowest.TotalSeconds:F1} s");

        // Full behaviour afterwards: the existing sessions, a new session on every replica (through Redis), the relay
        // and Redis-backed rate limits.
        foreach (var client in clients)
        {
            await AddAsync(client, 2);
        }

        await using (var fresh = await McpTestClient.ConnectAsync(cluster.Front))
        {
            for (var j = 0; j < 6; j++)
            {
                await AddAsync(fresh, j);
            }
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.ConnectionString);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        Assert.NotEmpty(server.Keys(pattern: "agentgateway:mcp:session:*"));
        Assert.NotEmpty(server.Keys(pattern: "agw:rl:*"));

        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    private static async Task AddAsync(McpClient client, int a)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var sum = await client.CallToolAsync("add", new Dictionary<string, object?> { ["a"] = a, ["b"] = 1 }, cancellationToken: timeout.Token);
        Assert.Equal(a + 1, sum.StructuredContent!.Value.GetProperty("sum").GetInt32());
    }

    private static async Task GetAsync(TestGateway front)
    {
        using var client = front.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(20);
        using var response = await client.GetAsync("/web/ping", Ct);
        if ((int)response.StatusCode != 200)
        {
            throw new HttpRequestException($"status {(int)response.StatusCode}");
        }
    }

    private static async Task RunAsync(string kind, Func<Task> call, System.Collections.Concurrent.ConcurrentQueue<(string, bool, string, TimeSpan)> results, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                await call();
                results.Enqueue((kind, true, "", watch.Elapsed));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                results.Enqueue((kind, false, ex.GetType().Name + ": " + ex.Message, watch.Elapsed));
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100, Ct);
        }

        return false;
    }
}
