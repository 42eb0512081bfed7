namespace AgentGateway.Cedar.Validation;

internal static class VTypes
{
    /// <summary>The least upper bound in strict mode, or null when the two types are incompatible.</summary>
    public static VType? Lub(VType a, VType b) => (a, b) switch
    {
        (VBool, VBool) => a == b ? a : VBool.Any,
        (VPrim x, VPrim y) => x.Kind == y.Kind ? a : null,
        (VEntity x, VEntity y) => x.Name == y.Name ? a : null,
        (VSet x, VSet y) => Lub(x.Element, y.Element) is { } e ? new VSet(e) : null,
        (VRecord x, VRecord y) => x.Equivalent(y) ? LubRecord(x, y) : null,
        _ => null,
    };

    public static VType FromSchema(SchemaType t) => t switch
    {
        PrimitiveSchemaType { Kind: CedarType.Bool } => VBool.Any,
        PrimitiveSchemaType p => new VPrim(p.Kind),
        SetSchemaType s => new VSet(FromSchema(s.Element)),
        EntitySchemaType e => new VEntity(e.Name),
        RecordSchemaType r => new VRecord(r.Attributes.ToDictionary(kv => kv.Key, kv => (FromSchema(kv.Value.Type), kv.Value.Required), StringComparer.Ordinal)),
        _ => throw new InvalidOperationException("unknown schema type"),
    };

    private static VRecord LubRecord(VRecord x, VRecord y) =>
        new(x.Attributes.ToDictionary(kv => kv.Key, kv => (Lub(kv.Value.Type, y.Attributes[kv.Key].Type)!, kv.Value.Required), StringComparer.Ordinal));
}
