using AgentGateway.Routing;

namespace AgentGateway.Security;

/// <summary>
/// Authorizes plain http routes as a whole (<c>Action::"http"</c> on <c>Route::"name"</c> with method and the
/// canonical path, see <see cref="HttpRoutePath"/>), then removes the credentials the gateway consumed. The other
/// kinds authorize inside their handlers, where the tool, model or agent method is known.
/// </summary>
internal sealed class HttpRouteAuthorizationMiddleware(RequestDelegate next, IRequestAuthorizer authorizer)
{
    // The headers RouteAuthenticator reads. They prove who the caller is to the gateway, not to the upstream.
    private static readonly string[] GatewayCredentialHeaders = ["Authorization", "x-api-key"];

    // Not async for the other kinds: they authorize in their handlers, so this step costs them no state machine.
    public Task InvokeAsync(HttpContext context)
    {
        var route = context.Features.Get<GatewayRoute>()!;
        return route.Kind == RouteKinds.Http ? AuthorizeAsync(context, route) : next(context);
    }

    private async Task AuthorizeAsync(HttpContext context, GatewayRoute route)
    {
        // RouteMatchingMiddleware sets the path on every http route; without it there is nothing to authorize.
        var path = context.Features.Get<HttpRoutePath>();
        var request = new AuthorizationRequest("http", "Route", route.Name, new Dictionary<string, object?>
        {
            ["method"] = context.Request.Method,
            ["path"] = path?.ForPolicy,
        });
        var result = path is null ? null : await authorizer.AuthorizeAsync(context, request, context.RequestAborted);
        if (result is not { Allowed: true })
        {
            await GatewayErrors.WriteAsync(context, StatusCodes.Status403Forbidden, "forbidden",
                $"route '{route.Name}': {context.Request.Method} is not permitted for this caller");
            return;
        }

        // Removed here, before the traffic policies, so a header rule may still set the upstream's own credentials.
        if (!route.Snapshot.Http[route.Backend].Passthrough && AuthenticationMiddleware.HasAuthentication(route))
        {
            foreach (var name in GatewayCredentialHeaders)
            {
                context.Request.Headers.Remove(name);
            }
        }

        await next(context);
    }
}
