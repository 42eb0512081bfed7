using AgentGateway.Telemetry;

namespace AgentGateway.Routing;

/// <summary>
/// Finds the route for a request (first match wins), records it as a feature with the compiled runtime
/// (<see cref="GatewayRuntime"/>) and config snapshot taken now (so a reload mid-request does not change how it is served) and moves the route prefix into
/// PathBase. No match → 404 with a JSON body. On http routes it also settles the request's canonical path
/// (<see cref="HttpRoutePath"/>), answering 400 when the path has no single meaning.
/// </summary>
internal sealed class RouteMatchingMiddleware(RequestDelegate next, GatewayRuntimeProvider runtimes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // One runtime for the whole request: a reload while it runs does not change how it is served.
        var runtime = runtimes.Current;
        context.Features.Set(runtime);
        var route = runtime.Routes.Match(context.Request, out var remainder);
        if (route is null)
        {
            await GatewayErrors.WriteAsync(context, StatusCodes.Status404NotFound, "not_found",
                $"no route matches {context.Request.Method} {context.Request.Path}");
            return;
        }

        context.Features.Set(route);
        if (context.Features.Get<RequestTelemetryFeature>() is { } telemetry)
        {
            (telemetry.Route, telemetry.BackendKind, telemetry.Backend) = (route.Name, route.Kind, route.Backend);
            telemetry.RouteTelemetry = route.Telemetry;
        }

        if (route.Kind == RouteKinds.Http)
        {
            if (HttpRoutePath.For(context, route, out var error) is not { } path)
            {
                await GatewayErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "invalid_path", $"route '{route.Name}': {error}");
                return;
            }

            context.Features.Set(path);
        }

        var originalBase = context.Request.PathBase;
        var originalPath = context.Request.Path;
        context.Request.PathBase = originalBase.Add(route.Prefix);
        context.Request.Path = remainder;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.PathBase = originalBase;
            context.Request.Path = originalPath;
        }
    }
}
