using System.Net;
using AgentGateway.Configuration;
using AgentGateway.Routing;

namespace AgentGateway.Traffic;

/// <summary>
/// The traffic policies of one route, compiled once per config version (durations are <see cref="TimeSpan"/>s). When several of the route's policies
/// set the same section, the last one in the route's list wins; rate limits all apply.
/// </summary>
internal sealed class RouteTrafficPolicy
{
    public static readonly RouteTrafficPolicy Empty = new([]);

    private static readonly TimeSpan DefaultRetryBackoff = TimeSpan.FromMilliseconds(100);

    public RouteTrafficPolicy(IReadOnlyList<(string Name, PolicyConfig Config)> policies)
    {
        foreach (var (name, policy) in policies)
        {
            if (policy.Cors is { } cors)
            {
                Cors = new CorsPolicy(cors);
            }

            if (policy.Timeouts is { } timeouts)
            {
                RequestTimeout = ParseOrNull(timeouts.Request);
                BackendTimeout = ParseOrNull(timeouts.Backend);
                IdleTimeout = ParseOrNull(timeouts.Idle);
            }

            Retries = policy.Retries ?? Retries;
            RetryBackoff = policy.Retries is { } retries ? ParseOrNull(retries.Backoff) ?? DefaultRetryBackoff : RetryBackoff;
            RequestHeaders = policy.Headers?.Request ?? RequestHeaders;
            ResponseHeaders = policy.Headers?.Response ?? ResponseHeaders;
            MaxRequestBodySize = policy.Limits?.MaxRequestBodySize ?? MaxRequestBodySize;
            MaxConcurrentRequests = policy.Limits?.MaxConcurrentRequests ?? MaxConcurrentRequests;
            if (policy.TrustedProxies.Count > 0)
            {
                TrustedProxies = [.. policy.TrustedProxies.Select(p => TrafficNetworks.TryParse(p, out var n) ? n : (IPNetwork?)null).OfType<IPNetwork>()];
            }

            if (policy.RateLimit is { } rateLimit)
            {
                RateLimits.Add(new RateLimitRule(name, rateLimit, ParseOrNull(rateLimit.Per) ?? TimeSpan.FromMinutes(1)));
            }

            if (policy.Budget is { } budget)
            {
                Budgets.Add(BudgetRule.Create(name, budget, ParseOrNull(budget.Per) ?? TimeSpan.FromDays(1)));
            }
        }
    }

    public CorsPolicy? Cors { get; }

    public TimeSpan? RequestTimeout { get; }

    public TimeSpan? BackendTimeout { get; }

    public TimeSpan? IdleTimeout { get; }

    public RetryConfig? Retries { get; }

    /// <summary>The first retry's delay (<see cref="RetryConfig.Backoff"/>, 100 ms when unset).</summary>
    public TimeSpan RetryBackoff { get; } = DefaultRetryBackoff;

    public HeaderRuleSetConfig? RequestHeaders { get; }

    public HeaderRuleSetConfig? ResponseHeaders { get; }

    public long? MaxRequestBodySize { get; }

    public int? MaxConcurrentRequests { get; }

    public IReadOnlyList<IPNetwork> TrustedProxies { get; } = [];

    public List<RateLimitRule> RateLimits { get; } = [];

    /// <summary>The USD budgets of the route; like rate limits, they all apply.</summary>
    public List<BudgetRule> Budgets { get; } = [];

    public bool HasTimeouts => RequestTimeout is not null || IdleTimeout is not null;

    /// <summary>The policies of the request's route (compiled once per config version, looked up once per request).</summary>
    public static RouteTrafficPolicy For(HttpContext context)
    {
        if (context.Features.Get<RouteTrafficPolicy>() is { } cached)
        {
            return cached;
        }

        // Compiled with the request's runtime; a context without one (a handler under test) compiles the route's own.
        var policy = context.Features.Get<GatewayRoute>() is { } route
            ? GatewayRuntime.Of(context)?.Part<RouteTrafficPolicies>()?.For(route.Name) ?? RouteTrafficPolicies.Compile(route.Config, route.Snapshot)
            : Empty;
        context.Features.Set(policy);
        return policy;
    }

    private static TimeSpan? ParseOrNull(string? text) => Duration.TryParse(text, out var value) ? value : null;
}

/// <summary>One rate limit of a route, with the name of the policy that declared it (part of the counter key).</summary>
internal sealed record RateLimitRule(string PolicyName, RateLimitConfig Config, TimeSpan Window);
