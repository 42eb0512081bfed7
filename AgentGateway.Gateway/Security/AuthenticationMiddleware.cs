using AgentGateway.Routing;

namespace AgentGateway.Security;

/// <summary>
/// Authenticates requests on routes whose policies have an <c>authentication</c> block. Missing or bad
/// credentials get 401 with <c>WWW-Authenticate</c> (on MCP routes also pointing at the protected-resource
/// metadata, as the MCP authorization spec requires). Routes without one pass through anonymous.
/// </summary>
internal sealed partial class AuthenticationMiddleware(RequestDelegate next, RouteAuthenticator authenticator, ILogger<AuthenticationMiddleware> logger)
{
    // Not async on the way through: a route without authentication costs no state machine here.
    public Task InvokeAsync(HttpContext context)
    {
        var route = context.Features.Get<GatewayRoute>()!;
        return HasAuthentication(route) && !IsPublicAgentCard(context, route) ? AuthenticateAsync(context, route) : next(context);
    }

    private async Task AuthenticateAsync(HttpContext context, GatewayRoute route)
    {
        var methods = route.Policies.Select(p => p.Authentication).OfType<AuthenticationConfig>().ToList();
        var outcome = await authenticator.AuthenticateAsync(context.Request, methods, context.RequestAborted);
        if (outcome.Principal is not null)
        {
            context.User = outcome.Principal;
            await next(context);
            return;
        }

        if (outcome.Error is null && methods.Any(m => m.Optional))
        {
            await next(context);
            return;
        }

        var message = outcome.Error ?? "authentication is required";
        Log.Rejected(logger, route.Name, message);
        context.Response.Headers.WWWAuthenticate = AuthenticationChallenge.For(context, route, methods, outcome.Error);
        await GatewayErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, "unauthorized", message);
    }

    /// <summary>Whether any of the route's policies authenticates (a loop: it runs on every http request).</summary>
    internal static bool HasAuthentication(GatewayRoute route)
    {
        foreach (var policy in route.Policies)
        {
            if (policy.Authentication is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A2A clients read an agent's public card before they have credentials (the card tells them how to get
    /// some), so GETs of the well-known card paths on a2a routes pass anonymously; everything else is checked.
    /// </summary>
    private static bool IsPublicAgentCard(HttpContext context, GatewayRoute route) =>
        route.Kind == RouteKinds.A2A && A2A.A2ACardPaths.Requested(context.Request) is not null;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Route {Route}: request rejected: {Reason}")]
        public static partial void Rejected(ILogger logger, string route, string reason);
    }
}
