namespace AgentGateway.Cedar.Schema;

/// <summary>Bool, Long, String or an extension type (ipaddr, decimal, datetime, duration).</summary>
internal sealed record PrimitiveSchemaType(CedarType Kind) : SchemaType;
