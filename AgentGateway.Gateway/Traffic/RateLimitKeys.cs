using System.Security.Claims;
using AgentGateway.Routing;
using AgentGateway.Security;

namespace AgentGateway.Traffic;

/// <summary>What a rate limit counts by: the principal, the API key, the route or the client IP.</summary>
internal static class RateLimitKeys
{
    public static string Resolve(HttpContext context, string key) => key.ToLowerInvariant() switch
    {
        "route" => "route:" + context.Features.Get<GatewayRoute>()?.Name,
        "ip" => Ip(context),
        "apikey" => ApiKey(context.User) is { } name ? "apiKey:" + name : Ip(context),
        _ => Principal(context.User) is { } principal ? "principal:" + principal : Ip(context),
    };

    private static string Ip(HttpContext context) => "ip:" + context.Connection.RemoteIpAddress;

    private static string? ApiKey(ClaimsPrincipal user) =>
        user.Identities.FirstOrDefault(i => i.IsAuthenticated && string.Equals(i.AuthenticationType, GatewayClaims.ApiKey, StringComparison.OrdinalIgnoreCase))?.Name;

    // Keyed like an MCP session owner — kind, issuer and id — so an API key and a basic user of the same name, or
    // the same sub from two issuers, never share a budget. Anonymous callers have no stable identity; counting them
    // by IP keeps one caller from exhausting everyone's budget.
    private static string? Principal(ClaimsPrincipal user) =>
        GatewayClaims.SessionOwner(user) is { Length: > 0 } owner ? owner : null;
}
