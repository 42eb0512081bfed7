namespace AgentGateway.Cedar.Schema;

/// <summary>A record (or entity attribute) type.</summary>
internal sealed record RecordSchemaType(IReadOnlyDictionary<string, RecordAttribute> Attributes) : SchemaType
{
    public static readonly RecordSchemaType Empty = new(new Dictionary<string, RecordAttribute>(StringComparer.Ordinal));
}
