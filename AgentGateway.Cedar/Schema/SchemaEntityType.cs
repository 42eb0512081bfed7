namespace AgentGateway.Cedar.Schema;

/// <summary>An entity type declared in a schema.</summary>
internal sealed record SchemaEntityType(string Name, RecordSchemaType Attributes, SchemaType? Tags, IReadOnlyList<string> MemberOf, IReadOnlyList<string>? EnumIds);
