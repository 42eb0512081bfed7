using AgentGateway.Hosting;

namespace AgentGateway.Mcp.Sessions;

/// <summary>Picks the session store named by <c>sessions.store</c>: <c>memory</c> (default) or <c>redis</c> (connection string "redis").</summary>
internal sealed class McpSessionStoreSelector(RedisConnection redis, TimeProvider timeProvider)
{
    private readonly Lazy<InMemoryMcpSessionStore> _memory = new(() => new InMemoryMcpSessionStore(timeProvider));
    private readonly Lazy<RedisMcpSessionStore> _redis = new(() => new RedisMcpSessionStore(() =>
        Task.FromResult(redis.Multiplexer ?? throw new InvalidOperationException("sessions.store is redis but no connection string 'redis' is configured"))));

    public IMcpSessionStore Get(string? store) =>
        string.Equals(store, "redis", StringComparison.OrdinalIgnoreCase) ? _redis.Value : _memory.Value;
}
