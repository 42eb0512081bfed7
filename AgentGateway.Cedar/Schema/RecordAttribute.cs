namespace AgentGateway.Cedar.Schema;

/// <summary>A record attribute type and whether it is required.</summary>
internal sealed record RecordAttribute(SchemaType Type, bool Required);
