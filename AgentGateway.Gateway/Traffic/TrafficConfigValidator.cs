using AgentGateway.Configuration;
using AgentGateway.Redis;

namespace AgentGateway.Traffic;

/// <summary>Checks every traffic policy, listener TLS and backend TLS setting, reporting each problem with its path.</summary>
internal sealed class TrafficConfigValidator(RedisConnection redis) : IConfigValidator
{
    public void Validate(GatewayConfig config, ConfigValidationContext context)
    {
        foreach (var (name, policy) in config.Policies)
        {
            var path = $"policies.{name}";
            if (policy.Cors is { } cors)
            {
                CorsValidator.Validate(cors, $"{path}.cors", context);
            }

            if (policy.Timeouts is { } timeouts)
            {
                PositiveDuration(timeouts.Request, $"{path}.timeouts.request", context);
                PositiveDuration(timeouts.Backend, $"{path}.timeouts.backend", context);
                PositiveDuration(timeouts.Idle, $"{path}.timeouts.idle", context);
            }

            if (policy.Retries is { } retries)
            {
                ValidateRetries(retries, $"{path}.retries", context);
            }

            if (policy.Headers is { } headers)
            {
                HeaderRulesValidator.Validate(headers.Request, $"{path}.headers.request", context);
                HeaderRulesValidator.Validate(headers.Response, $"{path}.headers.response", context);
            }

            if (policy.Limits is { } limits)
            {
                if (limits.MaxRequestBodySize is <= 0)
                {
                    context.Error($"{path}.limits.maxRequestBodySize", "must be a positive number of bytes");
                }

                if (limits.MaxConcurrentRequests is <= 0)
                {
                    context.Error($"{path}.limits.maxConcurrentRequests", "must be a positive number");
                }
            }

            for (var i = 0; i < policy.TrustedProxies.Count; i++)
            {
                if (!TrafficNetworks.TryParse(policy.TrustedProxies[i], out _))
                {
                    context.Error($"{path}.trustedProxies[{i}]", $"'{policy.TrustedProxies[i]}' is not an IP address or CIDR range (e.g. 10.0.0.0/8)");
                }
            }

            if (policy.RateLimit is { } rateLimit)
            {
                ValidateRateLimit(rateLimit, $"{path}.rateLimit", context);
            }

            if (policy.Budget is { } budget)
            {
                ValidateBudget(budget, $"{path}.budget", context);
            }
        }

        if (config.Limits.MaxRequestHeadersTotalSize <= 0)
        {
            context.Error("limits.maxRequestHeadersTotalSize", "must be a positive number of bytes");
        }

        TlsValidator.Validate(config, context);
    }

    private static void ValidateRetries(RetryConfig retries, string path, ConfigValidationContext context)
    {
        if (retries.Attempts is < 1 or > 10)
        {
            context.Error($"{path}.attempts", "must be between 1 and 10 (tries including the first)");
        }

        PositiveDuration(retries.Backoff, $"{path}.backoff", context, allowZero: true);
        for (var i = 0; i < retries.StatusCodes.Count; i++)
        {
            if (retries.StatusCodes[i] is < 100 or > 599)
            {
                context.Error($"{path}.statusCodes[{i}]", $"{retries.StatusCodes[i]} is not an HTTP status code");
            }
        }

        for (var i = 0; i < retries.Methods.Count; i++)
        {
            if (!HeaderRulesValidator.IsToken(retries.Methods[i]))
            {
                context.Error($"{path}.methods[{i}]", $"'{retries.Methods[i]}' is not an HTTP method");
            }
        }

        if (retries.MaxBufferedBodySize < 0)
        {
            context.Error($"{path}.maxBufferedBodySize", "must not be negative");
        }
    }

    private void ValidateRateLimit(RateLimitConfig rateLimit, string path, ConfigValidationContext context)
    {
        if (rateLimit.Requests is null && rateLimit.Tokens is null)
        {
            context.Error(path, "set requests or tokens (or both)");
        }

        if (rateLimit.Requests is <= 0)
        {
            context.Error($"{path}.requests", "must be a positive number");
        }

        if (rateLimit.Tokens is <= 0)
        {
            context.Error($"{path}.tokens", "must be a positive number");
        }

        PositiveDuration(rateLimit.Per, $"{path}.per", context);
        if (rateLimit.Key.ToLowerInvariant() is not ("principal" or "apikey" or "route" or "ip"))
        {
            context.Error($"{path}.key", $"'{rateLimit.Key}' is not a rate-limit key (principal, apiKey, route or ip)");
        }

        ValidateStore(rateLimit.Store, $"{path}.store", context);
    }

    private void ValidateBudget(BudgetConfig budget, string path, ConfigValidationContext context)
    {
        if (budget.Usd is null)
        {
            context.Error($"{path}.usd", "is required (US dollars per window, e.g. 5 or 0.25)");
        }
        else if (!(budget.Usd >= 0.000001) || double.IsInfinity(budget.Usd.Value) || budget.Usd > 1e12)
        {
            context.Error($"{path}.usd", "must be a positive number of US dollars (at least 0.000001)");
        }

        PositiveDuration(budget.Per, $"{path}.per", context);
        if (budget.Key.ToLowerInvariant() is not ("principal" or "apikey" or "group" or "route"))
        {
            context.Error($"{path}.key", $"'{budget.Key}' is not a budget key (principal, apiKey, group or route)");
        }

        if (string.IsNullOrWhiteSpace(budget.GroupClaim))
        {
            context.Error($"{path}.groupClaim", "must name a claim");
        }

        if (budget.DefaultMaxOutputTokens <= 0)
        {
            context.Error($"{path}.defaultMaxOutputTokens", "must be a positive number of tokens");
        }

        ValidateStore(budget.Store, $"{path}.store", context);
    }

    private void ValidateStore(string store, string path, ConfigValidationContext context)
    {
        if (store.ToLowerInvariant() is not ("local" or "redis"))
        {
            context.Error(path, $"'{store}' is not a rate-limit store (local or redis)");
        }
        else if (store.Equals("redis", StringComparison.OrdinalIgnoreCase) && !redis.IsConfigured)
        {
            context.Error(path, "the redis store needs the connection string 'redis' (ConnectionStrings__redis)");
        }
    }

    internal static void PositiveDuration(string? value, string path, ConfigValidationContext context, bool allowZero = false)
    {
        if (value is null)
        {
            return;
        }

        if (!Duration.TryParse(value, out var duration))
        {
            context.Error(path, $"'{value}' is not a duration (e.g. 250ms, 30s, 5m)");
        }
        else if (duration < TimeSpan.Zero || (duration == TimeSpan.Zero && !allowZero))
        {
            context.Error(path, "must be longer than zero");
        }
    }
}
