namespace AgentGateway.Security.Cedar;

/// <summary><c>Set&lt;T&gt;</c>.</summary>
internal sealed record SetSchemaType(SchemaType Element) : SchemaType;
