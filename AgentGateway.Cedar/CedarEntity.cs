namespace AgentGateway.Cedar;

/// <summary>An entity: its uid, attributes, direct parents and (optional) tags.</summary>
public sealed class CedarEntity
{
    private static readonly Dictionary<string, CedarValue> NoValues = new(StringComparer.Ordinal);

    /// <summary>An entity from Cedar values (see <see cref="Create"/> for plain .NET values).</summary>
    public CedarEntity(
        EntityUid uid,
        IReadOnlyDictionary<string, CedarValue>? attributes = null,
        IEnumerable<EntityUid>? parents = null,
        IReadOnlyDictionary<string, CedarValue>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(uid);
        Uid = uid;
        Attributes = attributes ?? NoValues;
        Parents = new HashSet<EntityUid>(parents ?? []);
        Tags = tags ?? NoValues;
    }

    /// <summary>Builds an entity from plain .NET values (see <see cref="CedarValue.FromObject"/>).</summary>
    public static CedarEntity Create(
        EntityUid uid,
        IEnumerable<KeyValuePair<string, object?>>? attributes = null,
        IEnumerable<EntityUid>? parents = null,
        IEnumerable<KeyValuePair<string, object?>>? tags = null) =>
        new(uid, Convert(attributes), parents, Convert(tags));

    /// <summary>The entity's uid.</summary>
    public EntityUid Uid { get; }

    /// <summary>The attributes, read with <c>entity.name</c>.</summary>
    public IReadOnlyDictionary<string, CedarValue> Attributes { get; }

    /// <summary>The direct parents (<c>in</c> follows them transitively).</summary>
    public IReadOnlySet<EntityUid> Parents { get; }

    /// <summary>The tags, read with <c>entity.getTag("name")</c>.</summary>
    public IReadOnlyDictionary<string, CedarValue> Tags { get; }

    private static Dictionary<string, CedarValue>? Convert(IEnumerable<KeyValuePair<string, object?>>? values) =>
        values?.ToDictionary(kv => kv.Key, kv => CedarValue.FromObject(kv.Value), StringComparer.Ordinal);
}
