namespace AgentGateway.Security.Cedar;

internal enum PolicyEffect
{
    Permit,
    Forbid,
}

/// <summary>One condition clause; <see cref="IsWhen"/> false means <c>unless</c>.</summary>
internal sealed record PolicyCondition(bool IsWhen, Expr Body);

/// <summary>A parsed policy: effect, head constraints and when/unless clauses.</summary>
internal sealed class CedarPolicy(
    string id,
    PolicyEffect effect,
    ScopeConstraint principal,
    ScopeConstraint action,
    ScopeConstraint resource,
    PolicyCondition[] conditions,
    IReadOnlyDictionary<string, string> annotations)
{
    public string Id { get; } = id;

    public PolicyEffect Effect { get; } = effect;

    public ScopeConstraint Principal { get; } = principal;

    public ScopeConstraint Action { get; } = action;

    public ScopeConstraint Resource { get; } = resource;

    public IReadOnlyList<PolicyCondition> Conditions { get; } = conditions;

    public IReadOnlyDictionary<string, string> Annotations { get; } = annotations;

    public bool ScopeMatches(CedarRequest request, CedarEntities entities) =>
        // Equality heads are checked first: they reject most policies without touching the hierarchy.
        (Resource.Kind != ScopeKind.Eq || Resource.Uid!.Equals(request.Resource)) &&
        (Principal.Kind != ScopeKind.Eq || Principal.Uid!.Equals(request.Principal)) &&
        Principal.Matches(request.Principal, entities) &&
        Action.Matches(request.Action, entities) &&
        Resource.Matches(request.Resource, entities);

    /// <summary>Evaluates the clauses in order, stopping at the first that fails; throws on an evaluation error.</summary>
    public bool ConditionsHold(EvalEnv env)
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
