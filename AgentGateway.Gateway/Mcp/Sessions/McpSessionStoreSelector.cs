#pragma warning disable MCP9006 // Resumable Streamable HTTP streams are the SDK's stateful-mode feature, which the gateway uses on purpose.
using AgentGateway.Redis;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Sessions;

/// <summary>
/// Picks the session store named by <c>sessions.store</c>: <c>memory</c> (default) or <c>redis</c> (connection string
/// "redis"). Without a Redis connection string the in-memory store is used and that is logged loudly (DESIGN.md §7:
/// the local stack runs without Redis when redis-server is not installed). The Redis store keeps a memory copy behind
/// it for outages (<see cref="FallbackMcpSessionStore"/>).
/// </summary>
internal sealed class McpSessionStoreSelector(RedisConnection redis, TimeProvider timeProvider, ILoggerFactory loggers, ILogger<McpSessionStoreSelector> logger)
{
    /// <summary>How long stream events stay replayable after they were last read or written.</summary>
    public static readonly TimeSpan EventRetention = TimeSpan.FromMinutes(2);

    private readonly Lazy<InMemoryMcpSessionStore> _memory = new(() => new InMemoryMcpSessionStore(timeProvider));

    // The Redis parts in a class of their own, built on first use, so a gateway without a Redis store never loads the
    // Redis cache assemblies (bench/README.md, memory).
    private readonly Lazy<RedisStores> _shared = new(() => new RedisStores(redis, timeProvider, logger));
    private int _warned;

    /// <summary>
    /// Where SSE events are kept for <c>Last-Event-ID</c> replay: Redis when sessions are (so any replica replays a
    /// stream another one wrote, and follows it while it is still being written); none for the memory store.
    /// </summary>
    public ISseEventStreamStore? GetEventStreams(string? store)
    {
        if (Get(store) is not FallbackMcpSessionStore)
        {
            return null;
        }

        var distributed = new DistributedCacheEventStreamStore(Options.Create(new DistributedCacheEventStreamStoreOptions
        {
            Cache = _shared.Value.EventCache,
            EventSlidingExpiration = EventRetention,
            MetadataSlidingExpiration = EventRetention,
            StreamReaderPollingInterval = TimeSpan.FromMilliseconds(100),
        }), loggers.CreateLogger<DistributedCacheEventStreamStore>());
        return new ResilientEventStreamStore(distributed, logger);
    }

    public IMcpSessionStore Get(string? store)
    {
        if (!string.Equals(store, "redis", StringComparison.OrdinalIgnoreCase))
        {
            return _memory.Value;
        }

        if (redis.IsConfigured)
        {
            return _shared.Value.Sessions;
        }

        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            Log.RedisSessionStoreMissing(logger);
        }

        return _memory.Value;
    }

    private sealed class RedisStores(RedisConnection redis, TimeProvider timeProvider, ILogger logger)
    {
        public RedisCache EventCache { get; } = new(Options.Create(new RedisCacheOptions
        {
            InstanceName = "agentgateway:mcp:events:",
            ConnectionMultiplexerFactory = () => Task.FromResult(redis.Multiplexer!),
        }));

        public FallbackMcpSessionStore Sessions { get; } = new(
            new RedisMcpSessionStore(() => Task.FromResult(redis.Multiplexer!)),
            new InMemoryMcpSessionStore(timeProvider),
            () => redis.Multiplexer?.IsConnected == true,
            logger);
    }
}
