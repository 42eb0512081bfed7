namespace AgentGateway.Security.Cedar;

internal enum CedarDecision
{
    Deny,
    Allow,
}

/// <summary>A policy that could not be evaluated, and why.</summary>
internal sealed record CedarPolicyError(string PolicyId, string Message);

/// <summary>
/// The outcome: the decision, the determining policies (the satisfied forbids on deny, the satisfied
/// permits on allow) and the policies skipped because their evaluation failed.
/// </summary>
internal sealed record CedarResponse(CedarDecision Decision, IReadOnlyList<string> Reasons, IReadOnlyList<CedarPolicyError> Errors)
{
    public bool IsAllowed => Decision == CedarDecision.Allow;
}
