using AgentGateway.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Mcp.Sessions;

/// <summary>
/// Picks the session store named by <c>sessions.store</c>: <c>memory</c> (default) or <c>redis</c> (connection string
/// "redis"). Without a Redis connection string the in-memory store is used and that is logged loudly (DESIGN.md §7:
/// the local stack runs without Redis when redis-server is not installed). The Redis store keeps a memory copy behind
/// it for outages (<see cref="FallbackMcpSessionStore"/>).
/// </summary>
internal sealed class McpSessionStoreSelector(RedisConnection redis, TimeProvider timeProvider, ILogger<McpSessionStoreSelector> logger)
{
    private readonly Lazy<InMemoryMcpSessionStore> _memory = new(() => new InMemoryMcpSessionStore(timeProvider));
    private readonly Lazy<FallbackMcpSessionStore> _redis = new(() => new FallbackMcpSessionStore(
        new RedisMcpSessionStore(() => Task.FromResult(redis.Multiplexer!)),
        new InMemoryMcpSessionStore(timeProvider),
        () => redis.Multiplexer?.IsConnected == true,
        logger));
    private int _warned;

    public IMcpSessionStore Get(string? store)
    {
        if (!string.Equals(store, "redis", StringComparison.OrdinalIgnoreCase))
        {
            return _memory.Value;
        }

        if (redis.IsConfigured)
        {
            return _redis.Value;
        }

        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            Log.RedisSessionStoreMissing(logger);
        }

        return _memory.Value;
    }
}
