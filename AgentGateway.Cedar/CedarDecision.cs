namespace AgentGateway.Cedar;

/// <summary>The authorization decision.</summary>
public enum CedarDecision
{
    /// <summary>A forbid was satisfied, or no permit was.</summary>
    Deny,

    /// <summary>A permit was satisfied and no forbid was.</summary>
    Allow,
}
