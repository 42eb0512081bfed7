using System.Text.Json;
using AgentGateway.Configuration;
using AgentGateway.Security;
using AgentGateway.Cedar;

namespace AgentGateway.Admin;

/// <summary>
/// <c>POST /authorize/explain</c>: evaluates a principal/action/resource/context against a named policy
/// (or inline <c>cedarText</c>) and returns the decision, the determining policy ids and any errors.
/// </summary>
internal static class AuthorizeExplainEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest http, IGatewayConfigProvider config, CedarPolicyCache cache)
    {
        JsonElement body;
        try
        {
            body = (await JsonDocument.ParseAsync(http.Body, cancellationToken: http.HttpContext.RequestAborted)).RootElement;
        }
        catch (JsonException ex)
        {
            return Problem($"the body is not JSON: {ex.Message}");
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return Problem("the body must be a JSON object");
        }

        CedarPolicySet policies;
        if (Text(body, "cedarText") is { } text)
        {
            try
            {
                policies = CedarPolicySet.Parse(text);
            }
            catch (CedarParseException ex)
            {
                return Problem($"cedarText: line {ex.Line}, column {ex.Column}: {ex.Reason}");
            }
        }
        else if (Text(body, "policy") is { } name && config.Current.Policies.GetValueOrDefault(name)?.Authorization is { } authorization)
        {
            policies = cache.Get(name, authorization);
        }
        else
        {
            return Problem("give 'policy' (the name of a policy with an authorization block) or 'cedarText'");
        }

        CedarEntity? principal, resource;
        Dictionary<string, CedarValue> context;
        try
        {
            // Values are converted exactly as the gateway presents a request (CedarValues); what it would deny is a 400 here.
            (principal, resource) = (Entity(body, "principal"), Entity(body, "resource"));
            context = body.TryGetProperty("context", out var ctx) && ctx.ValueKind == JsonValueKind.Object
                ? CedarValues.Record(ctx.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, (object?)p.Value.Clone())))
                : [];
        }
        catch (CedarValueException ex)
        {
            return Problem($"no Cedar form (the gateway denies such a request): {ex.Message}");
        }

        if (principal is null || Text(body, "action") is not { } action || resource is null)
        {
            return Problem("'principal' and 'resource' must be {\"type\",\"id\"} objects and 'action' a string");
        }

        var entities = new List<CedarEntity> { principal, resource };
        entities.AddRange(principal.Parents.Select(p => new CedarEntity(p)));
        var response = Authorizer.IsAuthorized(
            new CedarRequest(principal.Uid, new EntityUid("Action", action), resource.Uid, new CedarRecord(context)),
            policies,
            new CedarEntities(entities.DistinctBy(e => e.Uid)));
        return Results.Json(new
        {
            decision = FailClosedDecision.IsAllowed(response, policies) ? "Allow" : "Deny", // a forbid that errored denies, as on routes
            policies = response.Reasons,
            errors = response.Errors.Select(e => new { policy = e.PolicyId, message = e.Message }),
        });
    }

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static CedarEntity? Entity(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var e) || e.ValueKind != JsonValueKind.Object || Text(e, "type") is not { } type || Text(e, "id") is not { } id)
        {
            return null;
        }

        var attributes = e.TryGetProperty("attributes", out var a) && a.ValueKind == JsonValueKind.Object
            ? CedarValues.Record(a.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, (object?)p.Value.Clone())))
            : [];
        var parents = e.TryGetProperty("parents", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object && Text(x, "type") is not null && Text(x, "id") is not null)
                .Select(x => new EntityUid(Text(x, "type")!, Text(x, "id")!)).ToList()
            : [];
        return new CedarEntity(new EntityUid(type, id), attributes, parents);
    }

    private static IResult Problem(string message) =>
        Results.Json(new { error = new { type = "invalid_request", message } }, statusCode: StatusCodes.Status400BadRequest);
}
