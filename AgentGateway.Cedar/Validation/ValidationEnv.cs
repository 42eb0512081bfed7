namespace AgentGateway.Cedar.Validation;

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
