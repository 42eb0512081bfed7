using System.Globalization;
using AgentGateway.Routing;
using StackExchange.Redis;

namespace AgentGateway.Traffic;

/// <summary>
/// Checks one rate-limit rule against its store, handling a Redis outage per <c>failOpen</c>, and turns
/// counters into the numbers the <c>x-ratelimit-*</c> headers report.
/// </summary>
internal sealed partial class RateLimiter(LocalRateLimitStore local, RedisRateLimitStore redis, TimeProvider time, ILogger<RateLimiter> logger)
{
    public const string Requests = "requests";
    public const string Tokens = "tokens";

    public const string Usd = "usd";

    public RateLimitWindowKey WindowKey(HttpContext context, RateLimitRule rule, string unit) =>
        WindowKey(rule, unit, RateLimitKeys.Resolve(context, rule.Config.Key));

    /// <summary>The counter of <paramref name="subject"/> (an already resolved key such as <c>group:admins</c>) in the current window.</summary>
    public RateLimitWindowKey WindowKey(RateLimitRule rule, string unit, string subject)
    {
        var windowMs = Math.Max(1L, (long)rule.Window.TotalMilliseconds);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var index = nowMs / windowMs;
        var key = string.Join(':', "agw:rl", rule.PolicyName, unit, subject, index.ToString(CultureInfo.InvariantCulture));
        return new RateLimitWindowKey(key, DateTimeOffset.FromUnixTimeMilliseconds((index + 1) * windowMs));
    }

    public async ValueTask<RateLimitOutcome> AddAsync(RateLimitRule rule, RateLimitWindowKey key, long limit, long amount, bool force, CancellationToken cancellationToken)
    {
        var useRedis = string.Equals(rule.Config.Store, "redis", StringComparison.OrdinalIgnoreCase);
        try
        {
            var count = await (useRedis ? redis : (IRateLimitStore)local).AddAsync(key, amount, limit, force, cancellationToken);
            return new RateLimitOutcome(count.Admitted, false, limit, Math.Max(0, limit - count.Count), key.ResetAt);
        }
        catch (Exception ex) when (useRedis && ex is RedisException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            Log.StoreUnavailable(logger, rule.PolicyName, rule.Config.FailOpen, ex);
            return new RateLimitOutcome(rule.Config.FailOpen, !rule.Config.FailOpen, limit, limit, key.ResetAt);
        }
    }

    /// <summary>Adds the <c>x-ratelimit-*</c> headers (and Retry-After when rejected) just before the response starts.</summary>
    public void AddHeaders(HttpContext context, RateLimitOutcome outcome)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var reset = Math.Max(1, (long)Math.Ceiling((outcome.ResetAt - time.GetUtcNow()).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-limit"] = outcome.Limit.ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-remaining"] = outcome.Remaining.ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-reset"] = reset;
            if (!outcome.Admitted && !outcome.StoreFailed)
            {
                headers.RetryAfter = reset;
            }

            return Task.CompletedTask;
        });
    }

    public static Task RejectAsync(HttpContext context, RateLimitOutcome outcome, string unit)
    {
        var route = context.Features.Get<GatewayRoute>()?.Name;
        Telemetry.GatewayMetrics.RateLimitRejections.Add(1, new("route", route ?? "(none)"), new("unit", unit),
            new("reason", outcome.StoreFailed ? "store_unavailable" : "limit"));
        return outcome.StoreFailed
            ? GatewayErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "rate_limit_unavailable",
                $"route '{route}': the rate-limit store is unreachable and the policy fails closed")
            : GatewayErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, "rate_limit_exceeded",
                $"route '{route}': {unit} limit of {outcome.Limit} per window exceeded; retry after the window resets");
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Rate limit of policy {Policy}: Redis unreachable, failing {FailOpen}")]
        private static partial void StoreUnavailableCore(ILogger logger, string policy, string failOpen, Exception exception);

        public static void StoreUnavailable(ILogger logger, string policy, bool failOpen, Exception exception) =>
            StoreUnavailableCore(logger, policy, failOpen ? "open (admitting)" : "closed (rejecting)", exception);
    }
}

/// <summary>Result of one rule check: admitted, whether the store failed, and the header numbers.</summary>
internal sealed record RateLimitOutcome(bool Admitted, bool StoreFailed, long Limit, long Remaining, DateTimeOffset ResetAt);
