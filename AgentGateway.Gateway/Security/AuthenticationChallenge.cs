using AgentGateway.Routing;
using Microsoft.Extensions.Primitives;

namespace AgentGateway.Security;

/// <summary>Builds the <c>WWW-Authenticate</c> challenges for a route's authentication methods (RFC 6750, RFC 9728).</summary>
internal static class AuthenticationChallenge
{
    public static StringValues For(HttpContext context, GatewayRoute route, IReadOnlyList<AuthenticationConfig> methods, string? error)
    {
        var challenges = new List<string>();
        if (methods.Any(m => m.Jwt is not null || m.ApiKeys.Count > 0))
        {
            var bearer = "Bearer realm=\"agentgateway\"";
            if (error is not null)
            {
                bearer += $", error=\"invalid_token\", error_description=\"{error.Replace("\"", "'", StringComparison.Ordinal)}\"";
            }

            // Only a base URL the gateway can vouch for is advertised (GatewayPublicUrl); otherwise none at all.
            if (route.Kind == RouteKinds.Mcp && methods.Any(m => m.Jwt is not null)
                && context.RequestServices.GetRequiredService<GatewayPublicUrl>().BaseFor(context, route.Snapshot, route.Config) is { } baseUrl)
            {
                bearer += $", resource_metadata=\"{ProtectedResourceMetadata.MetadataUrl(baseUrl, route.Prefix)}\"";
            }

            challenges.Add(bearer);
        }

        foreach (var basic in methods.Select(m => m.Basic).OfType<BasicAuthConfig>().Take(1))
        {
            challenges.Add($"Basic realm=\"{basic.Realm}\", charset=\"UTF-8\"");
        }

        return new StringValues([.. challenges]);
    }
}
