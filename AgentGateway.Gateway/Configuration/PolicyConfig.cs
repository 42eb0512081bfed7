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
}
