using AgentGateway.Routing;
using AgentGateway.Cedar;
using AgentGateway.Telemetry;

namespace AgentGateway.Security;

/// <summary>
/// Authorizes gateway operations with the Cedar policies of the request's route. Without an
/// authorization block everything is allowed; with one, Cedar decides (default deny, forbid wins),
/// read fail-closed (<see cref="FailClosedDecision"/>): a forbid that errors denies, and a request that cannot be
/// presented to Cedar in full (<see cref="CedarValues"/>) is denied without evaluating anything.
/// When a route lists several policies with authorization, each must allow.
/// </summary>
internal sealed class CedarRequestAuthorizer(CedarPolicyCache policies, AuthorizationErrorLog errorLog) : IRequestAuthorizer
{
    public ValueTask<AuthorizationResult> AuthorizeAsync(HttpContext http, AuthorizationRequest request, CancellationToken cancellationToken)
    {
        // Most routes authorize nothing: answered without building the list of blocks.
        if (http.Features.Get<GatewayRoute>() is not { } route || !HasAuthorization(route))
        {
            return ValueTask.FromResult(AuthorizationResult.NoPolicy);
        }

        var blocks = route.Config.Policies
            .Select(name => (name, auth: route.Snapshot.Policies.GetValueOrDefault(name)?.Authorization))
            .Where(p => p.auth is not null)
            .ToList();
        if (blocks.Count == 0)
        {
            return ValueTask.FromResult(AuthorizationResult.NoPolicy);
        }

        AuthorizationResult result;
        try
        {
            result = Evaluate(Build(http, route, request, out var entities), entities, route, request.Action, blocks);
        }
        catch (CedarValueException ex)
        {
            errorLog.RequestNotRepresentable(route.Name, request.Action, blocks[0].name, ex);
            result = new AuthorizationResult(false, [], [$"request: {ex.Message}"]);
        }

        var decision = result.Allowed ? "allow" : "deny";
        if (http.Features.Get<RequestTelemetryFeature>() is { } telemetry)
        {
            telemetry.AuthorizationDecision = decision;
        }

        GatewayMetrics.AuthorizationDecisions.Add(1, new("decision", decision), new("action", request.Action), new("route", route.Name));
        return ValueTask.FromResult(result);
    }

    private static bool HasAuthorization(GatewayRoute route)
    {
        foreach (var policy in route.Policies)
        {
            if (policy.Authorization is not null)
            {
                return true;
            }
        }

        return false;
    }

    private AuthorizationResult Evaluate(CedarRequest cedarRequest, CedarEntities entities, GatewayRoute route, string action,
        List<(string Name, AuthorizationConfig? Auth)> blocks)
    {
        var reasons = new List<string>();
        var errors = new List<string>();
        var allowed = true;
        foreach (var (name, auth) in blocks)
        {
            var set = policies.Get(name, auth!);
            var response = Authorizer.IsAuthorized(cedarRequest, set, entities);
            allowed &= FailClosedDecision.IsAllowed(response, set);
            reasons.AddRange(response.Reasons);
            foreach (var error in response.Errors)
            {
                errorLog.PolicyFailed(route.Name, action, name, error.PolicyId, FailClosedDecision.IsForbid(set, error.PolicyId), error.Message);
                errors.Add($"{error.PolicyId}: {error.Message}");
            }
        }

        return new AuthorizationResult(allowed, reasons, errors);
    }

    private static CedarRequest Build(HttpContext http, GatewayRoute route, AuthorizationRequest request, out CedarEntities entities)
    {
        var principalEntities = CedarPrincipalMapper.Entities(http.User, out var principal).ToList();
        var resource = new EntityUid(request.ResourceType, request.ResourceId);
        principalEntities.Add(new CedarEntity(resource, CedarValues.Record(request.ResourceAttributes)));
        entities = new CedarEntities(principalEntities);
        var context = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["route"] = route.Name,
            ["ip"] = http.Connection.RemoteIpAddress?.ToString() ?? "",
        };
        foreach (var (key, value) in request.Context ?? new Dictionary<string, object?>())
        {
            context[key] = value;
        }

        return new CedarRequest(principal, new EntityUid("Action", request.Action), resource, new CedarRecord(CedarValues.Record(context)));
    }
}
