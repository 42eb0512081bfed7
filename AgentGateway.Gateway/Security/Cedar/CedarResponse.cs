namespace AgentGateway.Security.Cedar;

/// <summary>
/// The outcome: the decision, the determining policies (the satisfied forbids on deny, the satisfied
/// permits on allow) and the policies skipped because their evaluation failed.
/// </summary>
internal sealed record CedarResponse(CedarDecision Decision, IReadOnlyList<string> Reasons, IReadOnlyList<CedarPolicyError> Errors)
{
    public bool IsAllowed => Decision == CedarDecision.Allow;
}
