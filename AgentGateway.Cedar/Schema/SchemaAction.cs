namespace AgentGateway.Cedar.Schema;

/// <summary>An action declared in a schema: its parents, what it applies to and its context type.</summary>
internal sealed record SchemaAction(EntityUid Uid, IReadOnlyList<EntityUid> Parents, IReadOnlyList<string> Principals, IReadOnlyList<string> Resources, RecordSchemaType Context);
