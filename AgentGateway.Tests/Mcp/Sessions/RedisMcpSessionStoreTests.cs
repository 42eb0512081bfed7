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
        var touched = await store.TouchAsync("s1", TimeSpan.FromMinutes(5), Ct);
        await store.RemoveAsync("s1", Ct);

        Assert.IsType<FallbackMcpSessionStore>(store); // Redis, with this replica's memory behind it for outages
        Assert.True(shared);
        Assert.NotNull(read);
        Assert.Equal("alice", read.Principal);
        Assert.Equal("up-1", read.UpstreamSessions["weather"].SessionId);
        Assert.Equal("""{"name":"w","version":"1"}""", read.UpstreamSessions["weather"].ServerInfo);
        Assert.True(touched);
        Assert.Null(await store.GetAsync("s1", Ct));
        Assert.False(await store.TouchAsync("s1", TimeSpan.FromMinutes(5), Ct));
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
