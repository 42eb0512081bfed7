namespace AgentGateway.Cedar;

/// <summary>A policy that could not be evaluated, and why.</summary>
/// <param name="PolicyId">The id of the policy that was skipped.</param>
/// <param name="Message">Why (it may quote request values).</param>
public sealed record CedarPolicyError(string PolicyId, string Message);
