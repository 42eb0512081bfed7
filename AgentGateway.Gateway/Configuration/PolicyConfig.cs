using AgentGateway.Llm.Cache;
using AgentGateway.Security;
using AgentGateway.Traffic;

namespace AgentGateway.Configuration;

/// <summary>A named bundle of route policies; routes list the policies they apply.</summary>
public sealed record PolicyConfig
{
    /// <summary>Who may call (jwt, API keys, basic).</summary>
    public AuthenticationConfig? Authentication { get; init; }

    /// <summary>What they may do (Cedar).</summary>
    public AuthorizationConfig? Authorization { get; init; }

    /// <summary>Requests or tokens per window.</summary>
    public RateLimitConfig? RateLimit { get; init; }

    /// <summary>US dollars of LLM calls per window.</summary>
    public BudgetConfig? Budget { get; init; }

    /// <summary>Cross-origin (browser) access.</summary>
    public CorsConfig? Cors { get; init; }

    /// <summary>Request, per-try backend and stream idle timeouts.</summary>
    public TimeoutsConfig? Timeouts { get; init; }

    /// <summary>Retries of failed tries (http routes).</summary>
    public RetryConfig? Retries { get; init; }

    /// <summary>Request and response header rewrites.</summary>
    public HeaderRulesConfig? Headers { get; init; }

    /// <summary>Per-route body size and concurrency limits.</summary>
    public TrafficLimitsConfig? Limits { get; init; }

    /// <summary>Response cache of LLM answers (llm routes; opt-in).</summary>
    public LlmCacheConfig? LlmCache { get; init; }

    /// <summary>Proxies (CIDRs) whose <c>X-Forwarded-*</c> headers are believed; from anyone else they are stripped.</summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];
}
