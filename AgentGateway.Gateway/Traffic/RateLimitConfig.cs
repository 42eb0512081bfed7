namespace AgentGateway.Traffic;

/// <summary>Requests or LLM tokens per window, per key.</summary>
public sealed record RateLimitConfig
{
    /// <summary>Requests allowed per window.</summary>
    public long? Requests { get; init; }

    /// <summary>LLM tokens allowed per window.</summary>
    public long? Tokens { get; init; }

    /// <summary>Window length, e.g. <c>1m</c>.</summary>
    public string Per { get; init; } = "1m";

    /// <summary><c>principal</c> | <c>apiKey</c> | <c>route</c> | <c>ip</c>.</summary>
    public string Key { get; init; } = "principal";

    /// <summary><c>local</c> or <c>redis</c>.</summary>
    public string Store { get; init; } = "local";

    /// <summary>With a redis store: admit (true) or reject (false) when Redis is unreachable.</summary>
    public bool FailOpen { get; init; } = true;
}
