namespace AgentGateway.Cedar;

/// <summary>
/// A parsed set of policies with ids <c>policy0</c>, <c>policy1</c>, … in file order. Policies are
/// indexed by the action in their head so a decision only looks at the ones that can apply.
/// </summary>
public sealed class CedarPolicySet
{
    private readonly Dictionary<EntityUid, CedarPolicy[]> _byAction = [];
    private readonly CedarPolicy[] _anyAction;

    internal CedarPolicySet(IReadOnlyList<CedarPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        Policies = policies;
        var anyAction = new List<CedarPolicy>();
        var exact = new Dictionary<EntityUid, List<CedarPolicy>>();
        foreach (var p in policies)
        {
            if (p.Action.Kind == ScopeKind.Eq)
            {
                if (!exact.TryGetValue(p.Action.Uid!, out var list))
                {
                    exact[p.Action.Uid!] = list = [];
                }

                list.Add(p);
            }
            else
            {
                anyAction.Add(p);
            }
        }

        _anyAction = [.. anyAction];
        foreach (var (uid, list) in exact)
        {
            _byAction[uid] = [.. list];
        }
    }

    /// <summary>The policies in the order of the text.</summary>
    public IReadOnlyList<CedarPolicy> Policies { get; }

    /// <summary>Parses Cedar policy text; throws <see cref="CedarParseException"/> with line and column.</summary>
    public static CedarPolicySet Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new CedarPolicySet(new PolicyParser(text).ParsePolicies());
    }

    /// <summary>The policies whose action constraint is <c>== action</c>, or not an equality (checked per request).</summary>
    internal CedarPolicy[] ForAction(EntityUid action) => _byAction.GetValueOrDefault(action) ?? [];

    internal CedarPolicy[] OtherActions => _anyAction;
}
