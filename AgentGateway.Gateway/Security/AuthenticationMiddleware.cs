using AgentGateway.Routing;

namespace AgentGateway.Security;

/// <summary>
/// Authenticates requests on routes whose policies have an <c>authentication</c> block. Missing or bad
/// credentials get 401 with <c>WWW-Authenticate</c> (on MCP routes also pointing at the protected-resource
/// metadata, as the MCP authorization spec requires). Routes without one pass through anonymous.
/// </summary>
internal sealed partial class AuthenticationMiddleware(RequestDelegate next, RouteAuthenticator authenticator, ILogger<AuthenticationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var route = context.Features.Get<GatewayRoute>()!;
        var methods = route.Policies.Select(p => p.Authentication).OfType<AuthenticationConfig>().ToList();
        if (methods.Count == 0)
        {
            await next(context);
            return;
        }

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

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Route {Route}: request rejected: {Reason}")]
        public static partial void Rejected(ILogger logger, string route, string reason);
    }
}
