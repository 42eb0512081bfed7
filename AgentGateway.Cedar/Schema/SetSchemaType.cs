namespace AgentGateway.Cedar.Schema;

/// <summary><c>Set&lt;T&gt;</c>.</summary>
internal sealed record SetSchemaType(SchemaType Element) : SchemaType;
