namespace AgentGateway.Security.Cedar;

/// <summary>The authorization decision.</summary>
internal enum CedarDecision
{
    Deny,
    Allow,
}
