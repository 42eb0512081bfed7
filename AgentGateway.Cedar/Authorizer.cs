using System.Globalization;

namespace AgentGateway.Cedar;

/// <summary>
/// Cedar's authorization rule: forbid wins over permit, no applicable permit means deny, and a policy
/// whose evaluation errors is skipped (as if not satisfied) and reported in the errors.
/// </summary>
public static class Authorizer
{
    private static readonly CedarResponse DenyNoReasons = new(CedarDecision.Deny, [], []);

    /// <summary>Decides a request against a policy set with these entities. Never throws for a policy that fails to evaluate: it is skipped and reported in <see cref="CedarResponse.Errors"/>.</summary>
    public static CedarResponse IsAuthorized(CedarRequest request, CedarPolicySet policies, CedarEntities entities)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(entities);
        var env = new EvalEnv(request, entities);
        List<string>? permits = null;
        List<string>? forbids = null;
        List<CedarPolicyError>? errors = null;
        Evaluate(policies.ForAction(request.Action), env, ref permits, ref forbids, ref errors);
        Evaluate(policies.OtherActions, env, ref permits, ref forbids, ref errors);
        if (forbids is not null)
        {
            return new CedarResponse(CedarDecision.Deny, Sorted(forbids), (IReadOnlyList<CedarPolicyError>?)errors ?? []);
        }

        if (permits is not null)
        {
            return new CedarResponse(CedarDecision.Allow, Sorted(permits), (IReadOnlyList<CedarPolicyError>?)errors ?? []);
        }

        return errors is null ? DenyNoReasons : new CedarResponse(CedarDecision.Deny, [], errors);
    }

    private static void Evaluate(
        CedarPolicy[] candidates,
        EvalEnv env,
        ref List<string>? permits,
        ref List<string>? forbids,
        ref List<CedarPolicyError>? errors)
    {
        foreach (var policy in candidates)
        {
            if (!policy.ScopeMatches(env.Request, env.Entities))
            {
                continue;
            }

            bool holds;
            try
            {
                holds = policy.ConditionsHold(env);
            }
            catch (CedarEvaluationException e)
            {
                (errors ??= []).Add(new CedarPolicyError(policy.Id, e.Message));
                continue;
            }

            if (holds)
            {
                (policy.Effect == PolicyEffect.Permit ? permits ??= [] : forbids ??= []).Add(policy.Id);
            }
        }
    }

    // Reasons come from two candidate lists; report them in policy-set order for stable output.
    private static List<string> Sorted(List<string> ids)
    {
        if (ids.Count > 1)
        {
            ids.Sort((a, b) => Index(a).CompareTo(Index(b)));
        }

        return ids;

        static int Index(string id) =>
            id.StartsWith("policy", StringComparison.Ordinal) &&
            int.TryParse(id.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
    }
}
