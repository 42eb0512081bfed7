namespace AgentGateway.Security.Cedar;

/// <summary>A set type.</summary>
internal sealed record VSet(VType Element) : VType;
