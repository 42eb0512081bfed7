namespace AgentGateway.Cedar.Validation;

/// <summary>A set type.</summary>
internal sealed record VSet(VType Element) : VType;
