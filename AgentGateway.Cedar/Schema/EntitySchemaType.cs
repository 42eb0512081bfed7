namespace AgentGateway.Cedar.Schema;

/// <summary>A reference to an entity type.</summary>
internal sealed record EntitySchemaType(string Name) : SchemaType;
