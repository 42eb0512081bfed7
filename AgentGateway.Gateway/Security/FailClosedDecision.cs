using AgentGateway.Cedar;

namespace AgentGateway.Security;

/// <summary>
/// The gateway's reading of a Cedar response. Cedar skips a policy whose evaluation errors. For a permit that is
/// already fail-closed (it grants nothing), but a forbid that errors would let through exactly the requests it was
/// written for — e.g. a tool call whose arguments have a shape the policy did not expect. So the gateway denies
/// whenever a forbid errored. The engine itself stays faithful to Cedar (the conformance suite checks it).
/// </summary>
internal static class FailClosedDecision
{
    public static bool IsAllowed(CedarResponse response, CedarPolicySet policies) =>
        response.IsAllowed && !response.Errors.Any(e => IsForbid(policies, e.PolicyId));

    /// <summary>Whether the policy with this id forbids; an id not in the set counts as a forbid (fail closed).</summary>
    public static bool IsForbid(CedarPolicySet policies, string policyId) =>
        policies.Policies.FirstOrDefault(p => p.Id == policyId)?.Effect != PolicyEffect.Permit;
}
