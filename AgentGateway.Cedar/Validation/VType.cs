namespace AgentGateway.Cedar.Validation;

/// <summary>A static type used by the validator (strict mode: no unions of entity types, records compared exactly).</summary>
internal abstract record VType;
