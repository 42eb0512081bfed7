namespace AgentGateway.Cedar.Schema;

/// <summary>A declared type from a schema, used to read JSON values (e.g. a string declared <c>ipaddr</c>).</summary>
internal abstract record SchemaType;
