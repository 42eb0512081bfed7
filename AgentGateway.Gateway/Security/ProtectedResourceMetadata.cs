using System.Text.Json;
using AgentGateway.Configuration;
using AgentGateway.Routing;

namespace AgentGateway.Security;

/// <summary>
/// Serves RFC 9728 protected-resource metadata for MCP routes that use JWT authentication, at
/// <c>/.well-known/oauth-protected-resource{route path}</c>, as the MCP authorization spec asks.
/// </summary>
internal sealed class ProtectedResourceMetadata(RequestDelegate next, IGatewayConfigProvider config)
{
    private const string WellKnown = "/.well-known/oauth-protected-resource";
    private static readonly string[] BearerMethods = ["header"];

    public static string MetadataUrl(HttpRequest request, PathString routePrefix) =>
        $"{request.Scheme}://{request.Host}{WellKnown}{routePrefix}";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method)
            || !context.Request.Path.StartsWithSegments(WellKnown, StringComparison.OrdinalIgnoreCase, out var resourcePath))
        {
            await next(context);
            return;
        }

        var snapshot = config.Current;
        var match = snapshot.Routes
            .Where(r => r.Mcp is not null && string.Equals(r.Path.TrimEnd('/'), resourcePath.Value?.TrimEnd('/') ?? "", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Policies.Select(p => snapshot.Policies.GetValueOrDefault(p)?.Authentication?.Jwt).OfType<JwtConfig>().FirstOrDefault())
            .FirstOrDefault(j => j is not null);
        if (match is null)
        {
            await next(context);
            return;
        }

        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "max-age=300";
        await JsonSerializer.SerializeAsync(context.Response.Body, new Dictionary<string, object>
        {
            ["resource"] = $"{context.Request.Scheme}://{context.Request.Host}{resourcePath}",
            ["authorization_servers"] = match.AuthorizationServers.Count > 0 ? match.AuthorizationServers : (match.Issuer is { } iss ? [iss] : []),
            ["scopes_supported"] = match.Scopes,
            ["bearer_methods_supported"] = BearerMethods,
        }, cancellationToken: context.RequestAborted);
    }
}
