using AgentGateway.Hosting;
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
            UpstreamSessionIds = new Dictionary<string, string> { ["weather"] = "up-1" },
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
        Assert.Equal("up-1", read.UpstreamSessionIds["weather"]);
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
}
