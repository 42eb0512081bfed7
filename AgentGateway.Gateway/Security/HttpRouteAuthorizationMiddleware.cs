using AgentGateway.Routing;

namespace AgentGateway.Security;

/// <summary>
/// Authorizes plain http routes as a whole (<c>Action::"http"</c> on <c>Route::"name"</c> with method and
/// path). The other kinds authorize inside their handlers, where the tool, model or agent method is known.
/// </summary>
internal sealed class HttpRouteAuthorizationMiddleware(RequestDelegate next, IRequestAuthorizer authorizer)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var route = context.Features.Get<GatewayRoute>()!;
        if (route.Kind == RouteKinds.Http)
        {
            var request = new AuthorizationRequest("http", "Route", route.Name, new Dictionary<string, object?>
            {
                ["method"] = context.Request.Method,
                ["path"] = context.Request.PathBase.Add(context.Request.Path).Value ?? "/",
            });
            var result = await authorizer.AuthorizeAsync(context, request, context.RequestAborted);
            if (!result.Allowed)
            {
                await GatewayErrors.WriteAsync(context, StatusCodes.Status403Forbidden, "forbidden",
                    $"route '{route.Name}': {context.Request.Method} is not permitted for this caller");
                return;
            }
        }

        await next(context);
    }
}
