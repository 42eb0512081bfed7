namespace AgentGateway.Cedar;

/// <summary>A parsed policy: its id, effect and annotations. The head and conditions are the engine's own.</summary>
public sealed class CedarPolicy
{
    internal CedarPolicy(
        string id,
        PolicyEffect effect,
        ScopeConstraint principal,
        ScopeConstraint action,
        ScopeConstraint resource,
        PolicyCondition[] conditions,
        IReadOnlyDictionary<string, string> annotations)
    {
        Id = id;
        Effect = effect;
        Principal = principal;
        Action = action;
        Resource = resource;
        Conditions = conditions;
        Annotations = annotations;
    }

    /// <summary>The policy's id: <c>policy0</c>, <c>policy1</c>, … in the order of the policy text.</summary>
    public string Id { get; }

    /// <summary>Whether the policy permits or forbids when it is satisfied.</summary>
    public PolicyEffect Effect { get; }

    /// <summary>The policy's annotations (<c>@id("...")</c> and the like), by name.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; }

    internal ScopeConstraint Principal { get; }

    internal ScopeConstraint Action { get; }

    internal ScopeConstraint Resource { get; }

    internal IReadOnlyList<PolicyCondition> Conditions { get; }

    /// <summary>
    /// The string literals the conditions compare <paramref name="variable"/>.<paramref name="attribute"/> with: the
    /// other side of <c>==</c> and <c>!=</c>, and <c>like</c> patterns (a wildcard shows as <c>*</c>). It lets a host
    /// check policies against how it builds requests, e.g. that a value it always lower-cases is never compared with
    /// upper-case text.
    /// </summary>
    public IEnumerable<string> LiteralsComparedWith(CedarVar variable, string attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return ComparedLiterals.Find(this, variable, attribute);
    }

    internal bool ScopeMatches(CedarRequest request, CedarEntities entities) =>
        // Equality heads are checked first: they reject most policies without touching the hierarchy.
        (Resource.Kind != ScopeKind.Eq || Resource.Uid!.Equals(request.Resource)) &&
        (Principal.Kind != ScopeKind.Eq || Principal.Uid!.Equals(request.Principal)) &&
        Principal.Matches(request.Principal, entities) &&
        Action.Matches(request.Action, entities) &&
        Resource.Matches(request.Resource, entities);

    /// <summary>Evaluates the clauses in order, stopping at the first that fails; throws on an evaluation error.</summary>
    internal bool ConditionsHold(EvalEnv env)
    {
        foreach (var c in Conditions)
        {
            if (CedarOps.AsBool(c.Body.Eval(env)) != c.IsWhen)
            {
                return false;
            }
        }

        return true;
    }
}
