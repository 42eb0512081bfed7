using System.Text.Json.Nodes;

namespace AgentGateway.A2A;

/// <summary>
/// Replaces the agent's security declarations with the gateway route's. The shape follows the card: v0.3 cards
/// (they have a top-level <c>url</c>) use OpenAPI-style schemes and <c>security</c>; v1.0 cards use the
/// protobuf oneof shape and <c>securityRequirements</c>.
/// </summary>
internal static class CardSecurityWriter
{
    public static void Replace(JsonObject card, IReadOnlyList<GatewayAuthScheme> schemes)
    {
        var v03 = card.ContainsKey("url");
        var defs = new JsonObject();
        var requirements = new JsonArray();
        foreach (var scheme in schemes)
        {
            defs[scheme.Name] = WithoutNulls(v03 ? V03Scheme(scheme) : V1Scheme(scheme));
            requirements.Add(v03
                ? new JsonObject { [scheme.Name] = new JsonArray() }
                : new JsonObject { ["schemes"] = new JsonObject { [scheme.Name] = new JsonObject { ["list"] = new JsonArray() } } });
        }

        card["securitySchemes"] = defs;
        card.Remove("security");
        card.Remove("securityRequirements");
        card[v03 ? "security" : "securityRequirements"] = requirements;

        // Per-skill requirements name the agent's schemes, which no longer exist in this card.
        if (card["skills"] is JsonArray skills)
        {
            foreach (var skill in skills.OfType<JsonObject>())
            {
                skill.Remove("security");
                skill.Remove("securityRequirements");
            }
        }
    }

    // Optional fields (description, ...) are omitted rather than written as null.
    private static JsonObject WithoutNulls(JsonObject obj)
    {
        foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            obj.Remove(key);
        }

        foreach (var child in obj.Select(p => p.Value).OfType<JsonObject>())
        {
            WithoutNulls(child);
        }

        return obj;
    }

    private static JsonObject V03Scheme(GatewayAuthScheme s) => s.Kind switch
    {
        GatewayAuthKind.Bearer => new() { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT", ["description"] = s.Description },
        GatewayAuthKind.Basic => new() { ["type"] = "http", ["scheme"] = "basic", ["description"] = s.Description },
        GatewayAuthKind.OpenIdConnect => new() { ["type"] = "openIdConnect", ["openIdConnectUrl"] = s.OpenIdConnectUrl, ["description"] = s.Description },
        _ => new() { ["type"] = "apiKey", ["in"] = "header", ["name"] = s.HeaderName, ["description"] = s.Description },
    };

    private static JsonObject V1Scheme(GatewayAuthScheme s) => s.Kind switch
    {
        GatewayAuthKind.Bearer => new() { ["httpAuthSecurityScheme"] = new JsonObject { ["scheme"] = "Bearer", ["bearerFormat"] = "JWT", ["description"] = s.Description } },
        GatewayAuthKind.Basic => new() { ["httpAuthSecurityScheme"] = new JsonObject { ["scheme"] = "Basic", ["description"] = s.Description } },
        GatewayAuthKind.OpenIdConnect => new() { ["openIdConnectSecurityScheme"] = new JsonObject { ["openIdConnectUrl"] = s.OpenIdConnectUrl, ["description"] = s.Description } },
        _ => new() { ["apiKeySecurityScheme"] = new JsonObject { ["location"] = "header", ["name"] = s.HeaderName, ["description"] = s.Description } },
    };
}
