namespace AgentGateway.Security.Cedar;

/// <summary>One request environment the validator checks a policy in.</summary>
internal sealed class ValidationEnv(
    CedarSchema schema,
    string principal,
    EntityUid action,
    string resource,
    VRecord context,
    Dictionary<EntityUid, HashSet<EntityUid>> actionAncestors)
{
    public CedarSchema Schema { get; } = schema;

    public string Principal { get; } = principal;

    public EntityUid Action { get; } = action;

    public string Resource { get; } = resource;

    public VRecord Context { get; } = context;

    public bool ActionIn(EntityUid child, EntityUid ancestor) =>
        child.Equals(ancestor) || (actionAncestors.TryGetValue(child, out var set) && set.Contains(ancestor));

    /// <summary>Whether an entity of type <paramref name="child"/> may be (a descendant of) one of type <paramref name="ancestor"/>.</summary>
    public static bool CanBeIn(CedarSchema schema, string child, string ancestor)
    {
        if (child == ancestor)
        {
            return true;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([child]);
        while (stack.Count > 0)
        {
            if (!schema.EntityTypes.TryGetValue(stack.Pop(), out var t))
            {
                continue;
            }

            foreach (var parent in t.MemberOf)
            {
                if (parent == ancestor)
                {
                    return true;
                }

                if (seen.Add(parent))
                {
                    stack.Push(parent);
                }
            }
        }

        // Action entities: an action type can be "in" another when some declared action has such a parent.
        return schema.Actions.Values.Any(a => a.Uid.EntityType == child && a.Parents.Any(p => p.EntityType == ancestor));
    }
}

/// <summary>Facts proven by <c>has</c>/<c>hasTag</c> guards: keys are "expression-key.attribute".</summary>
internal sealed class Capabilities
{
    public static readonly Capabilities Empty = new([]);

    private readonly HashSet<string> _facts;

    private Capabilities(HashSet<string> facts) => _facts = facts;

    public static Capabilities Of(string fact) => new([fact]);

    public bool Contains(string fact) => _facts.Contains(fact);

    public Capabilities Union(Capabilities other) =>
        other._facts.Count == 0 ? this : _facts.Count == 0 ? other : new Capabilities([.. _facts, .. other._facts]);

    public Capabilities Intersect(Capabilities other) =>
        new([.. _facts.Where(other._facts.Contains)]);
}
