using AgentGateway.Routing;
using AgentGateway.Security.Cedar;
using AgentGateway.Telemetry;

namespace AgentGateway.Security;

/// <summary>
/// Authorizes gateway operations with the Cedar policies of the request's route. Without an
/// authorization block everything is allowed; with one, Cedar decides (default deny, forbid wins).
/// When a route lists several policies with authorization, each must allow.
/// </summary>
internal sealed class CedarRequestAuthorizer(CedarPolicyCache policies) : IRequestAuthorizer
{
    public ValueTask<AuthorizationResult> AuthorizeAsync(HttpContext http, AuthorizationRequest request, CancellationToken cancellationToken)
    {
        if (http.Features.Get<GatewayRoute>() is not { } route)
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

        var cedarRequest = Build(http, route, request, out var entities);
        var reasons = new List<string>();
        var errors = new List<string>();
        var allowed = true;
        foreach (var (name, auth) in blocks)
        {
            var response = Authorizer.IsAuthorized(cedarRequest, policies.Get(name, auth!), entities);
            allowed &= response.IsAllowed;
            reasons.AddRange(response.Reasons);
            errors.AddRange(response.Errors.Select(e => $"{e.PolicyId}: {e.Message}"));
        }

        var decision = allowed ? "allow" : "deny";
        if (http.Features.Get<RequestTelemetryFeature>() is { } telemetry)
        {
            telemetry.AuthorizationDecision = decision;
        }

        GatewayMetrics.AuthorizationDecisions.Add(1, new("decision", decision), new("action", request.Action), new("route", route.Name));
        return ValueTask.FromResult(new AuthorizationResult(allowed, reasons, errors));
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
