using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.ScaleOut;

/// <summary>
/// N gateway replicas sharing one real Redis behind a plain round-robin front (our own http route over YARP: no
/// sticky sessions, no retry policy, only connect-error failover), each replica's log captured.
/// </summary>
public sealed class ReplicaCluster : IAsyncDisposable
{
    private readonly List<TestGateway?> _replicas;

    private ReplicaCluster(RedisServer redis, List<TestGateway?> replicas, CapturingLoggerProvider[] logs, TestGateway front)
    {
        Redis = redis;
        _replicas = replicas;
        Logs = logs;
        Front = front;
    }

    public RedisServer Redis { get; }

    public TestGateway Front { get; }

    public IReadOnlyList<CapturingLoggerProvider> Logs { get; }

    /// <summary>The replicas still running, in start order.</summary>
    public IEnumerable<TestGateway> Replicas => _replicas.OfType<TestGateway>();

    public static async Task<ReplicaCluster> StartAsync(string yaml, int count = 3, IDictionary<string, string?>? extraSettings = null)
    {
        var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?>(extraSettings ?? new Dictionary<string, string?>()) { ["ConnectionStrings:redis"] = redis.ConnectionString };
        var logs = Enumerable.Range(0, count).Select(_ => new CapturingLoggerProvider()).ToArray();
        var replicas = new List<TestGateway?>();
        foreach (var log in logs)
        {
            replicas.Add(await TestGateway.StartAsync(yaml, settings, b => b.Logging.AddProvider(log)));
        }

        var front = await TestGateway.StartAsync($$"""
            routes: [{ name: front, path: /, http: replicas }]
            http: { replicas: { destinations: [{{string.Join(", ", replicas.Select(r => r!.BaseAddress))}}], reactivationPeriod: 1m } }
            """);
        return new ReplicaCluster(redis, replicas, logs, front);
    }

    /// <summary>Stops replica <paramref name="index"/> (its port stops answering; the front fails over).</summary>
    public async Task KillAsync(int index)
    {
        if (_replicas[index] is { } replica)
        {
            _replicas[index] = null;
            await replica.DisposeAsync();
        }
    }

    /// <summary>Whether replica <paramref name="index"/> served a request of route <paramref name="route"/> (its access log).</summary>
    public bool Served(int index, string route) =>
        Logs[index].Entries.Any(e => e.Category == "AgentGateway.AccessLog" && e.Message.Contains($"route={route}", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await Front.DisposeAsync();
        foreach (var replica in Replicas)
        {
            await replica.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}
