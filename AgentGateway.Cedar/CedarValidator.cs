namespace AgentGateway.Cedar;

/// <summary>
/// A strict-mode policy validator modelled on Cedar's typechecker: each policy is typechecked in every
/// request environment (action × principal type × resource type from the schema's appliesTo) where its
/// head can match; attribute access needs a declared attribute (optional ones a <c>has</c> guard), tags need
/// a <c>hasTag</c> guard, operands must have compatible types, empty set literals and non-literal extension
/// constructors are rejected. It is an approximation: the conformance test reports how often it agrees.
/// </summary>
public sealed class CedarValidator(CedarSchema schema)
{
    private readonly Dictionary<EntityUid, HashSet<EntityUid>> _actionAncestors = ActionAncestors(schema);

    /// <summary>Returns one message per invalid policy (empty when every policy validates).</summary>
    public IReadOnlyList<string> Validate(CedarPolicySet policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var errors = new List<string>();
        foreach (var policy in policies.Policies)
        {
            try
            {
                ValidatePolicy(policy);
            }
            catch (ValidationFailure e)
            {
                errors.Add($"{policy.Id}: {e.Message}");
            }
        }

        return errors;
    }

    private void ValidatePolicy(CedarPolicy policy)
    {
        foreach (var uid in ScopeUids(policy))
        {
            CheckUidDeclared(uid);
        }

        foreach (var type in new[] { policy.Principal.EntityType, policy.Resource.EntityType })
        {
            if (type is not null && !schema.EntityTypes.ContainsKey(type))
            {
                throw new ValidationFailure($"unrecognized entity type `{type}`");
            }
        }

        var environments = 0;
        foreach (var action in schema.Actions.Values)
        {
            if (!ActionMatches(policy.Action, action.Uid))
            {
                continue;
            }

            foreach (var p in action.Principals.Where(p => TypeMatches(policy.Principal, p)))
            {
                foreach (var r in action.Resources.Where(r => TypeMatches(policy.Resource, r)))
                {
                    var env = new ValidationEnv(schema, p, action.Uid, r, (VRecord)VTypes.FromSchema(action.Context), _actionAncestors);
                    environments++;
                    CheckConditions(policy, env);
                }
            }
        }

        if (environments == 0)
        {
            throw new ValidationFailure("the policy's head matches no action, principal type and resource type the schema allows together");
        }
    }

    private static void CheckConditions(CedarPolicy policy, ValidationEnv env)
    {
        var caps = Capabilities.Empty;
        foreach (var c in policy.Conditions)
        {
            var (type, newCaps) = new Typechecker(env).Check(c.Body, caps);
            if (type is not VBool b)
            {
                throw new ValidationFailure($"condition has type {type}, expected a boolean");
            }

            // The clauses are a conjunction: one that is statically false (or true for unless) makes the rest dead code.
            if (b.Kind == (c.IsWhen ? BoolKind.False : BoolKind.True))
            {
                return;
            }

            if (c.IsWhen)
            {
                caps = caps.Union(newCaps);
            }
        }
    }

    private static IEnumerable<EntityUid> ScopeUids(CedarPolicy p) =>
        new[] { p.Principal.Uid, p.Action.Uid, p.Resource.Uid }.OfType<EntityUid>().Concat(p.Action.Uids);

    private void CheckUidDeclared(EntityUid uid)
    {
        if (schema.Actions.ContainsKey(uid))
        {
            return;
        }

        if (!schema.EntityTypes.TryGetValue(uid.EntityType, out var type))
        {
            throw new ValidationFailure($"unrecognized entity `{uid}`");
        }

        if (type.EnumIds is { } ids && !ids.Contains(uid.Id))
        {
            throw new ValidationFailure($"`{uid}` is not one of the enumerated ids");
        }
    }

    private bool ActionMatches(ScopeConstraint scope, EntityUid action) => scope.Kind switch
    {
        ScopeKind.Any => true,
        ScopeKind.Eq => action.Equals(scope.Uid),
        ScopeKind.In => action.Equals(scope.Uid) || _actionAncestors[action].Contains(scope.Uid!),
        _ => scope.Uids.Any(u => action.Equals(u) || _actionAncestors[action].Contains(u)),
    };

    private bool TypeMatches(ScopeConstraint scope, string type) => scope.Kind switch
    {
        ScopeKind.Any => true,
        ScopeKind.Eq => scope.Uid!.EntityType == type,
        ScopeKind.In => CanBeIn(type, scope.Uid!.EntityType),
        ScopeKind.Is => scope.EntityType == type,
        _ => scope.EntityType == type && CanBeIn(type, scope.Uid!.EntityType),
    };

    private bool CanBeIn(string child, string ancestor) => ValidationEnv.CanBeIn(schema, child, ancestor);

    private static Dictionary<EntityUid, HashSet<EntityUid>> ActionAncestors(CedarSchema schema)
    {
        var entities = new CedarEntities(schema.ActionEntities());
        return schema.Actions.Keys.ToDictionary(a => a, a => schema.Actions.Keys.Where(b => !a.Equals(b) && entities.IsIn(a, b)).ToHashSet());
    }
}
