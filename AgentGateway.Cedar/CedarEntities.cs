namespace AgentGateway.Cedar;

/// <summary>
/// The entity store for a decision. Ancestors are computed once (transitive closure of parents)
/// so that <c>in</c> is a hash lookup.
/// </summary>
public sealed class CedarEntities
{
    /// <summary>A store with no entities.</summary>
    public static readonly CedarEntities Empty = new([]);

    private readonly Dictionary<EntityUid, CedarEntity> _entities = [];
    private readonly Dictionary<EntityUid, HashSet<EntityUid>> _ancestors = [];

    /// <summary>A store of these entities; a uid given twice keeps the union of both parents.</summary>
    public CedarEntities(IEnumerable<CedarEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        foreach (var e in entities)
        {
            // A uid given twice (e.g. an action in both the schema and the data) keeps the union of parents.
            _entities[e.Uid] = _entities.TryGetValue(e.Uid, out var existing)
                ? new CedarEntity(e.Uid, e.Attributes.Count > 0 ? e.Attributes : existing.Attributes, existing.Parents.Concat(e.Parents), e.Tags.Count > 0 ? e.Tags : existing.Tags)
                : e;
        }

        foreach (var uid in _entities.Keys)
        {
            _ancestors[uid] = ComputeAncestors(uid);
        }
    }

    /// <summary>The number of distinct entities.</summary>
    public int Count => _entities.Count;

    /// <summary>Every entity, in no particular order.</summary>
    public IEnumerable<CedarEntity> All => _entities.Values;

    /// <summary>Parses the Cedar JSON entity format; with a schema, attribute values are read with their declared types.</summary>
    public static CedarEntities FromJson(string json, CedarSchema? schema = null) => CedarJson.ParseEntities(json, schema);

    /// <summary>The entity with this uid, or null.</summary>
    public CedarEntity? Find(EntityUid uid) => _entities.GetValueOrDefault(uid);

    /// <summary>True when <paramref name="child"/> equals <paramref name="ancestor"/> or descends from it.</summary>
    public bool IsIn(EntityUid child, EntityUid ancestor) =>
        child.Equals(ancestor) || (_ancestors.TryGetValue(child, out var set) && set.Contains(ancestor));

    private HashSet<EntityUid> ComputeAncestors(EntityUid uid)
    {
        var result = new HashSet<EntityUid>();
        var stack = new Stack<EntityUid>();
        stack.Push(uid);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!_entities.TryGetValue(current, out var entity))
            {
                continue;
            }

            foreach (var parent in entity.Parents)
            {
                if (result.Add(parent))
                {
                    stack.Push(parent);
                }
            }
        }

        return result;
    }
}
