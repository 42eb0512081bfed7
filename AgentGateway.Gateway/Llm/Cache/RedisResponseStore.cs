using AgentGateway.Redis;
using StackExchange.Redis;

namespace AgentGateway.Llm.Cache;

/// <summary>
/// Answers in the shared Redis (every replica sees them), one string per key with the TTL as its expiry; Redis's
/// own <c>maxmemory</c> policy bounds it. Redis being away makes every lookup a miss, never a failed request.
/// </summary>
internal sealed class RedisResponseStore(RedisConnection redis, ILogger<RedisResponseStore> logger) : IResponseStore
{
    private const string Prefix = "agentgateway:llmcache:";

    public async ValueTask<CachedAnswer?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            if (Database() is not { } db)
            {
                return null;
            }

            var value = await db.StringGetAsync(Prefix + key).WaitAsync(cancellationToken);
            return value.IsNull ? null : CachedAnswer.Deserialize((byte[])value!);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            ResponseCacheLog.StoreUnavailable(logger, "read", ex.GetType().Name);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, CachedAnswer answer, TimeSpan ttl, CancellationToken cancellationToken)
    {
        try
        {
            if (Database() is { } db)
            {
                await db.StringSetAsync(Prefix + key, answer.Serialize(), ttl).WaitAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            ResponseCacheLog.StoreUnavailable(logger, "write", ex.GetType().Name);
        }
    }

    private IDatabase? Database() => redis.Multiplexer is { IsConnected: true } mux ? mux.GetDatabase() : null;
}
