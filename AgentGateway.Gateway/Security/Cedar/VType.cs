namespace AgentGateway.Security.Cedar;

// Static types used by the validator (strict mode: no unions of entity types, records compared exactly).

internal abstract record VType;

internal enum BoolKind
{
    Any,
    True,
    False,
}

/// <summary>Booleans carry singleton knowledge (<c>true</c>/<c>false</c>) so short-circuiting can skip dead code, as Cedar's typechecker does.</summary>
internal sealed record VBool(BoolKind Kind) : VType
{
    public static readonly VBool Any = new(BoolKind.Any);
    public static readonly VBool True = new(BoolKind.True);
    public static readonly VBool False = new(BoolKind.False);

    public static VBool Of(bool value) => value ? True : False;
}

/// <summary>Long, String or an extension type (ipaddr, decimal, datetime, duration).</summary>
internal sealed record VPrim(CedarType Kind) : VType;

internal sealed record VSet(VType Element) : VType;

internal sealed record VEntity(string Name) : VType;

internal sealed record VRecord(IReadOnlyDictionary<string, (VType Type, bool Required)> Attributes) : VType
{
    public bool Equivalent(VRecord other) =>
        Attributes.Count == other.Attributes.Count &&
        Attributes.All(kv => other.Attributes.TryGetValue(kv.Key, out var o) && o.Required == kv.Value.Required && VTypes.Lub(kv.Value.Type, o.Type) is not null);
}

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
