using AgentGateway.Routing;

namespace AgentGateway.A2A;

/// <summary>Describes the route's authentication policies as card security schemes.</summary>
internal static class GatewayAuthSchemes
{
    /// <summary>The header the gateway reads API keys from.</summary>
    public const string ApiKeyHeader = "X-API-Key";

    public static IReadOnlyList<GatewayAuthScheme> For(GatewayRoute route)
    {
        var schemes = new List<GatewayAuthScheme>();
        foreach (var auth in route.Policies.Select(p => p.Authentication).OfType<Security.AuthenticationConfig>())
        {
            if (auth.Jwt is { } jwt)
            {
                schemes.Add(new GatewayAuthScheme("gateway-bearer", GatewayAuthKind.Bearer)
                {
                    Description = jwt.Issuer is null ? "JWT bearer token accepted by the gateway" : $"JWT bearer token issued by {jwt.Issuer}",
                });
                if (jwt.Issuer is { Length: > 0 } issuer && Uri.TryCreate(issuer, UriKind.Absolute, out _))
                {
                    schemes.Add(new GatewayAuthScheme("gateway-oidc", GatewayAuthKind.OpenIdConnect)
                    {
                        OpenIdConnectUrl = issuer.TrimEnd('/') + "/.well-known/openid-configuration",
                    });
                }
            }

            if (auth.ApiKeys.Count > 0)
            {
                schemes.Add(new GatewayAuthScheme("gateway-api-key", GatewayAuthKind.ApiKey)
                {
                    HeaderName = ApiKeyHeader,
                    Description = "Gateway API key",
                });
            }

            if (auth.Basic is not null)
            {
                schemes.Add(new GatewayAuthScheme("gateway-basic", GatewayAuthKind.Basic));
            }
        }

        return schemes.DistinctBy(s => s.Name).ToList();
    }
}
