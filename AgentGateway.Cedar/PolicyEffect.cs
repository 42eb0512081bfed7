namespace AgentGateway.Cedar;

/// <summary>Whether a satisfied policy permits or forbids.</summary>
public enum PolicyEffect
{
    /// <summary>A satisfied <c>permit</c> allows the request unless a forbid is satisfied too.</summary>
    Permit,

    /// <summary>A satisfied <c>forbid</c> denies the request whatever permits say.</summary>
    Forbid,
}
