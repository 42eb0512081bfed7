using System.Text.Json.Nodes;
using AgentGateway.Configuration;
using AgentGateway.Security;

namespace AgentGateway.Admin.Api;

/// <summary>
/// <c>GET /api/policies</c>: each policy as <c>/config</c> shows it (secrets masked), the routes that use it, and
/// its Cedar text split into policies with their ids, so the simulator can highlight the determining ones.
/// </summary>
internal static class PoliciesEndpoint
{
    public static IResult Handle(IGatewayConfigProvider provider, CedarPolicyCache cache)
    {
        var config = provider.Current;
        var redacted = JsonNode.Parse(ConfigRedactor.ToRedactedJson(config))?["policies"] as JsonObject;
        return Results.Json(new
        {
            adminPolicy = config.Admin.Policy,
            policies = config.Policies.ToDictionary(static p => p.Key, p => new
            {
                config = redacted?[p.Key],
                routes = config.Routes.Where(r => r.Policies.Contains(p.Key, StringComparer.Ordinal)).Select(static r => r.Name),
                authentication = p.Value.Authentication is { } auth ? Methods(auth) : [],
                cedar = p.Value.Authorization is { } authorization ? Cedar(p.Key, authorization, provider.BaseDirectory, cache) : null,
            }),
        });
    }

    private static string[] Methods(AuthenticationConfig auth) =>
        [.. new[] { auth.Jwt is null ? null : "jwt", auth.ApiKeys.Count > 0 ? "apiKeys" : null, auth.Basic is null ? null : "basic" }.OfType<string>(),
            .. auth.Optional ? ["optional"] : Array.Empty<string>()];

    private static object Cedar(string name, AuthorizationConfig authorization, string baseDirectory, CedarPolicyCache cache)
    {
        string text;
        try
        {
            text = CedarPolicyCache.Source(authorization, baseDirectory).Load();
        }
        catch (IOException ex)
        {
            return new { source = authorization.Cedar, error = ex.Message };
        }

        var ids = cache.Get(name, authorization).Policies.Select(static p => p.Id).ToList();
        var spans = CedarPolicySpans.Find(text);
        return new
        {
            source = authorization.Cedar ?? "inline",
            text,
            // Ids pair with spans by position only when both sides counted the same policies (a text that fails to parse: none).
            policies = spans.Count == ids.Count ? spans.Select((s, i) => new { id = ids[i], start = s.Start, end = s.End }).ToList() : [],
        };
    }
}
