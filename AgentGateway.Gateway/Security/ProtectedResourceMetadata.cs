using System.Text.Json;
using AgentGateway.Configuration;
using AgentGateway.Routing;

namespace AgentGateway.Security;

/// <summary>
/// Serves RFC 9728 protected-resource metadata for MCP routes that use JWT authentication, at
/// <c>/.well-known/oauth-protected-resource{route path}</c>, as the MCP authorization spec asks. The
/// <c>resource</c> is built on <see cref="GatewayPublicUrl"/>, never on a Host the gateway cannot vouch for.
/// </summary>
internal sealed class ProtectedResourceMetadata(RequestDelegate next, IGatewayConfigProvider config, GatewayPublicUrl publicUrl)
{
    private const string WellKnown = "/.well-known/oauth-protected-resource";
    private static readonly string[] BearerMethods = ["header"];

    public static string MetadataUrl(string baseUrl, PathString routePrefix) => $"{baseUrl}{WellKnown}{routePrefix}";

    // Not async on the way through: every gateway request passes here, almost none is for the metadata.
    public Task InvokeAsync(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && context.Request.Path.StartsWithSegments(WellKnown, StringComparison.OrdinalIgnoreCase, out var resourcePath)
            ? AnswerAsync(context, resourcePath)
            : next(context);

    private async Task AnswerAsync(HttpContext context, PathString resourcePath)
    {
        var snapshot = config.Current;
        var host = context.Request.Host.Host;
        var match = snapshot.Routes
            .Where(r => r.Mcp is not null
                && string.Equals(r.Path.TrimEnd('/'), resourcePath.Value?.TrimEnd('/') ?? "", StringComparison.OrdinalIgnoreCase)
                && (r.Hosts.Count == 0 || r.Hosts.Any(h => RouteMatcher.HostMatches(h, host))))
            .Select(r => (Route: r, Jwt: r.Policies.Select(p => snapshot.Policies.GetValueOrDefault(p)?.Authentication?.Jwt).OfType<JwtConfig>().FirstOrDefault()))
            .FirstOrDefault(m => m.Jwt is not null);
        if (match.Jwt is not { } jwt)
        {
            await next(context);
            return;
        }

        if (publicUrl.BaseFor(context, snapshot, match.Route) is not { } baseUrl)
        {
            await GatewayErrors.WriteAsync(context, StatusCodes.Status404NotFound, "not_found",
                "no protected-resource metadata for this host (the gateway's publicUrl is not set and the Host is not one it serves)");
            return;
        }

        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "max-age=300";
        await JsonSerializer.SerializeAsync(context.Response.Body, new Dictionary<string, object>
        {
            ["resource"] = $"{baseUrl}{match.Route.Path.TrimEnd('/')}",
            ["authorization_servers"] = jwt.AuthorizationServers.Count > 0 ? jwt.AuthorizationServers : (jwt.Issuer is { } iss ? [iss] : []),
            ["scopes_supported"] = jwt.Scopes,
            ["bearer_methods_supported"] = BearerMethods,
        }, cancellationToken: context.RequestAborted);
    }
}
