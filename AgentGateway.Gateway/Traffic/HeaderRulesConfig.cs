namespace AgentGateway.Traffic;

/// <summary>Header rewrites on the way to the backend and on the way back.</summary>
public sealed record HeaderRulesConfig
{
    /// <summary>Rules for the request sent upstream.</summary>
    public HeaderRuleSetConfig? Request { get; init; }

    /// <summary>Rules for the response sent to the client.</summary>
    public HeaderRuleSetConfig? Response { get; init; }
}

/// <summary>One direction's rules, applied in the order remove, set, add.</summary>
public sealed record HeaderRuleSetConfig
{
    /// <summary>Headers appended (existing values kept).</summary>
    public IReadOnlyDictionary<string, string> Add { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Headers replaced.</summary>
    public IReadOnlyDictionary<string, string> Set { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Headers removed.</summary>
    public IReadOnlyList<string> Remove { get; init; } = [];
}
