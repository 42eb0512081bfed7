namespace AgentGateway.Traffic;

/// <summary>
/// A spending limit in US dollars per window on LLM calls, per caller, API key, group or route. Calls are priced
/// with the LLM backend's price catalog; the estimate is reserved before the call and the real cost settled after.
/// </summary>
public sealed record BudgetConfig
{
    /// <summary>Dollars allowed per window (e.g. <c>5</c> or <c>0.25</c>).</summary>
    public double? Usd { get; init; }

    /// <summary>Window length, e.g. <c>1h</c> or <c>1d</c>; windows are aligned to the Unix epoch on every replica.</summary>
    public string Per { get; init; } = "1d";

    /// <summary><c>principal</c> | <c>apiKey</c> | <c>group</c> | <c>route</c>.</summary>
    public string Key { get; init; } = "principal";

    /// <summary>With <c>key: group</c>: the claim holding the caller's groups; every group the caller is in is charged.</summary>
    public string GroupClaim { get; init; } = "groups";

    /// <summary><c>local</c> or <c>redis</c>. A budget always fails closed: an unreachable Redis rejects with 503.</summary>
    public string Store { get; init; } = "local";

    /// <summary>Output tokens to reserve for when the request sets no maximum (<c>max_tokens</c>).</summary>
    public long DefaultMaxOutputTokens { get; init; } = 4096;
}
