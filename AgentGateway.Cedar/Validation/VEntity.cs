namespace AgentGateway.Cedar.Validation;

/// <summary>An entity of one type (strict mode has no unions).</summary>
internal sealed record VEntity(string Name) : VType;
