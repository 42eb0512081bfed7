using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentGateway.Redis;

/// <summary>
/// Redis, when configured: not ready until it answered once; afterwards an outage is "degraded", since
/// the gateway keeps serving from its fallbacks while Redis is away.
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConfigured)
        {
            return HealthCheckResult.Healthy("redis not configured");
        }

        if (await redis.PingAsync())
        {
            return HealthCheckResult.Healthy("redis reachable");
        }

        return redis.WasEverConnected
            ? HealthCheckResult.Degraded("redis unreachable; serving from local fallbacks")
            : HealthCheckResult.Unhealthy("redis unreachable");
    }
}
