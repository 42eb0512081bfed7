using AgentGateway.Configuration;

namespace AgentGateway.Routing;

/// <summary>
/// The pipeline each route runs after route matching, compiled once per accepted config (a runtime part) with only the
/// steps the route's config uses, then the handler of its kind. The steps and their order are listed in
/// <c>Hosting/GatewayApplicationExtensions</c>; Routing knows none of them.
/// </summary>
internal sealed class RoutePipelines(IReadOnlyDictionary<RouteConfig, RoutePipeline> byRoute)
{
    /// <summary>The route's pipeline, or null when none was compiled for it.</summary>
    // By reference: a route of this runtime carries the very RouteConfig its pipeline was compiled from.
    public RoutePipeline? For(GatewayRoute route) => byRoute.GetValueOrDefault(route.Config);

    /// <summary>The distinct pipelines (routes that use the same steps share one).</summary>
    public IEnumerable<RoutePipeline> All => byRoute.Values.Distinct();

    /// <summary>
    /// The end of the fixed part of the pipeline: runs the matched route's own pipeline, from the runtime the request
    /// pinned. A route without one is refused (500), never served without its policies.
    /// </summary>
    public static Task RunAsync(HttpContext context)
    {
        var route = context.Features.Get<GatewayRoute>()!;
        return GatewayRuntime.Of(context)?.Part<RoutePipelines>()?.For(route) is { } pipeline
            ? pipeline.Invoke(context)
            : GatewayErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, "internal_error",
                $"route '{route.Name}' has no compiled pipeline");
    }
}

/// <summary>One compiled pipeline: the names of its steps, in order (for tests and diagnostics), and its entry point.</summary>
internal sealed record RoutePipeline(IReadOnlyList<string> Steps, RequestDelegate Invoke);
