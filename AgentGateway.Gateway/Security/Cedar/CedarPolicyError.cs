namespace AgentGateway.Security.Cedar;

/// <summary>A policy that could not be evaluated, and why.</summary>
internal sealed record CedarPolicyError(string PolicyId, string Message);
