namespace AgentGateway.Security.Cedar;

/// <summary>A static type used by the validator (strict mode: no unions of entity types, records compared exactly).</summary>
internal abstract record VType;
