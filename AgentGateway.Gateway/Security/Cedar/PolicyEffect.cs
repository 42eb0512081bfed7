namespace AgentGateway.Security.Cedar;

/// <summary>Whether a satisfied policy permits or forbids.</summary>
internal enum PolicyEffect
{
    Permit,
    Forbid,
}
