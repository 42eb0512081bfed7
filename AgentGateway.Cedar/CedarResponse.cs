namespace AgentGateway.Cedar;

/// <summary>
/// The outcome: the decision, the determining policies (the satisfied forbids on deny, the satisfied
/// permits on allow) and the policies skipped because their evaluation failed.
/// </summary>
/// <param name="Decision">Allow or deny.</param>
/// <param name="Reasons">The ids of the determining policies, in policy-set order.</param>
/// <param name="Errors">The policies that could not be evaluated (they count as not satisfied), with why.</param>
public sealed record CedarResponse(CedarDecision Decision, IReadOnlyList<string> Reasons, IReadOnlyList<CedarPolicyError> Errors)
{
    /// <summary>Whether the decision is <see cref="CedarDecision.Allow"/>.</summary>
    public bool IsAllowed => Decision == CedarDecision.Allow;
}
