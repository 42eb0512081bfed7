using AgentGateway.Redis;
using AgentGateway.Mcp.Sessions;
using AgentGateway.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentGateway.Tests.Mcp.Sessions;

public sealed class RedisMcpSessionStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SetGetTouchRemove_AgainstRealRedis()
    {
        await using var server = await RedisServer.StartAsync();
        using var redis = new RedisConnection(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:redis"] = server.ConnectionString }).Build());
        var store = new McpSessionStoreSelector(redis, TimeProvider.System, NullLoggerFactory.Instance, NullLogger<McpSessionStoreSelector>.Instance).Get("redis");
        var record = new McpSessionRecord
        {
            SessionId = "s1",
            Backend = "tools",
            Principal = "alice",
            InitializeParams = """{"protocolVersion":"2025-11-25"}""",
            UpstreamSessions = new Dictionary<string, UpstreamSessionState>
            {
                ["weather"] = new() { SessionId = "up-1", ProtocolVersion = "2025-11-25", ServerInfo = """{"name":"w","version":"1"}""", ServerCapabilities = "{}" },
            },
        };

        await store.SetAsync(record, TimeSpan.FromMinutes(5), Ct);
        var shared = await redis.Multiplexer!.GetDatabase().KeyExistsAsync("agentgateway:mcp:session:s1");
        var read = await store.GetAsync("s1", Ct);
        var touched = await store.GetAndTouchAsync("s1", TimeSpan.FromMinutes(5), Ct);
        await store.RemoveAsync("s1", Ct);

        Assert.IsType<FallbackMcpSessionStore>(store); // Redis, with this replica's memory behind it for outages
        Assert.True(shared);
        Assert.NotNull(read);
        Assert.Equal("alice", read.Principal);
        Assert.Equal("up-1", read.UpstreamSessions["weather"].SessionId);
        Assert.Equal("""{"name":"w","version":"1"}""", read.UpstreamSessions["weather"].ServerInfo);
        Assert.Equal("alice", touched?.Principal);
        Assert.Null(await store.GetAsync("s1", Ct));
        Assert.Null(await store.GetAndTouchAsync("s1", TimeSpan.FromMinutes(5), Ct));
    }

    [Fact]
    public async Task GetAndTouch_ReadsAndSlidesTheExpiry_InOneRedisCommand()
    {
        await using var server = await RedisServer.StartAsync();
        using var redis = new RedisConnection(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:redis"] = server.ConnectionString }).Build());
        var store = new McpSessionStoreSelector(redis, TimeProvider.System, NullLoggerFactory.Instance, NullLogger<McpSessionStoreSelector>.Instance).Get("redis");
        await store.SetAsync(new McpSessionRecord { SessionId = "s3", Backend = "tools", Principal = "bob" }, TimeSpan.FromMinutes(1), Ct);
        using var admin = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(server.ConnectionString + ",allowAdmin=true");
        var db = admin.GetDatabase();
        await db.ExecuteAsync("CONFIG", "RESETSTAT");

        var record = await store.GetAndTouchAsync("s3", TimeSpan.FromMinutes(30), Ct);

        var stats = (await db.ExecuteAsync("INFO", "commandstats")).ToString();
        var ttl = await db.KeyTimeToLiveAsync("agentgateway:mcp:session:s3");
        Assert.Equal("bob", record?.Principal);
        Assert.True(ttl > TimeSpan.FromMinutes(29), $"expiry not slid: {ttl}");
        Assert.Contains("cmdstat_getex:calls=1,", stats, StringComparison.Ordinal);
        Assert.DoesNotContain("cmdstat_expire:", stats, StringComparison.Ordinal);
        Assert.DoesNotContain("cmdstat_get:", stats, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_RedisWithoutConnectionString_FallsBackToMemory()
    {
        using var redis = new RedisConnection(new ConfigurationBuilder().Build());

        var store = new McpSessionStoreSelector(redis, TimeProvider.System, NullLoggerFactory.Instance, NullLogger<McpSessionStoreSelector>.Instance).Get("redis");

        Assert.IsType<InMemoryMcpSessionStore>(store);
    }

    [Fact]
    public async Task ARecordRemovedThroughAnotherReplica_IsNotBroughtBackByThisReplicasMemory()
    {
        await using var server = await RedisServer.StartAsync();
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:redis"] = server.ConnectionString }).Build();
        using var redisA = new RedisConnection(settings);
        using var redisB = new RedisConnection(settings);
        var a = new McpSessionStoreSelector(redisA, TimeProvider.System, NullLoggerFactory.Instance, NullLogger<McpSessionStoreSelector>.Instance).Get("redis");
        var b = new McpSessionStoreSelector(redisB, TimeProvider.System, NullLoggerFactory.Instance, NullLogger<McpSessionStoreSelector>.Instance).Get("redis");
        await a.SetAsync(new McpSessionRecord { SessionId = "s2", Backend = "tools", Principal = "" }, TimeSpan.FromMinutes(5), Ct);
        Assert.NotNull(await b.GetAsync("s2", Ct)); // replica B now remembers it, for outages

        await a.RemoveAsync("s2", Ct); // the client deleted the session through replica A

        Assert.Null(await b.GetAsync("s2", Ct));
        Assert.False(await redisA.Multiplexer!.GetDatabase().KeyExistsAsync("agentgateway:mcp:session:s2"));
    }
}
