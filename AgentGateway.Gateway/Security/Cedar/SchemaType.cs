namespace AgentGateway.Security.Cedar;

/// <summary>A declared type from a schema, used to read JSON values (e.g. a string declared <c>ipaddr</c>).</summary>
internal abstract record SchemaType;

/// <summary>Bool, Long, String or an extension type (ipaddr, decimal, datetime, duration).</summary>
internal sealed record PrimitiveSchemaType(CedarType Kind) : SchemaType;

internal sealed record SetSchemaType(SchemaType Element) : SchemaType;

internal sealed record EntitySchemaType(string Name) : SchemaType;

internal sealed record RecordSchemaType(IReadOnlyDictionary<string, RecordAttribute> Attributes) : SchemaType
{
    public static readonly RecordSchemaType Empty = new(new Dictionary<string, RecordAttribute>(StringComparer.Ordinal));
}

internal sealed record RecordAttribute(SchemaType Type, bool Required);

/// <summary>A type as written in the schema text, before names are resolved against the declarations.</summary>
internal abstract record RawType;

internal sealed record NamedRawType(string Path) : RawType;

internal sealed record SetRawType(RawType Element) : RawType;

internal sealed record RecordRawType(IReadOnlyList<(string Name, RawType Type, bool Required)> Attributes) : RawType;
