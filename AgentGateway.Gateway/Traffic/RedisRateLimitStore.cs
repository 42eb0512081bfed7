using System.Globalization;
using AgentGateway.Redis;
using StackExchange.Redis;

namespace AgentGateway.Traffic;

/// <summary>
/// Counters in Redis, shared by every replica: one atomic Lua script per check (read, compare, add,
/// set expiry), so concurrent gateways can never admit more than the limit between them.
/// </summary>
internal sealed class RedisRateLimitStore(RedisConnection redis, TimeProvider time) : IRateLimitStore
{
    // KEYS[1] counter; ARGV: amount, limit, expiry (ms), force (1/0). Returns {admitted, count}.
    private const string Script = """
        local current = tonumber(redis.call('GET', KEYS[1]) or '0')
        local amount = tonumber(ARGV[1])
        local limit = tonumber(ARGV[2])
        if amount == 0 then
          if current < limit then return {1, current} end
          return {0, current}
        end
        if ARGV[4] ~= '1' and amount > 0 and current + amount > limit then
          return {0, current}
        end
        local value = redis.call('INCRBY', KEYS[1], amount)
        if redis.call('PTTL', KEYS[1]) < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
        end
        return {1, value}
        """;

    public async ValueTask<RateLimitCount> AddAsync(RateLimitWindowKey key, long amount, long limit, bool force, CancellationToken cancellationToken)
    {
        var mux = redis.Multiplexer ?? throw new InvalidOperationException("Redis is not configured (connection string 'redis')");
        // Expire a little after the window ends so a late settle still lands in the same counter.
        var expiry = (long)Math.Max(1000, (key.ResetAt - time.GetUtcNow()).TotalMilliseconds + 60_000);
        var result = (RedisResult[])(await mux.GetDatabase().ScriptEvaluateAsync(Script, [new RedisKey(key.Key)],
        [
            amount,
            limit,
            expiry.ToString(CultureInfo.InvariantCulture),
            force ? "1" : "0",
        ]))!;
        return new RateLimitCount((long)result[0] == 1, (long)result[1]);
    }
}
