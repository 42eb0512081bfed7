using AgentGateway.Routing;
using AgentGateway.Traffic;

namespace AgentGateway.Hosting;

/// <summary>
/// One step of a route's own pipeline (after route matching): its middleware, and whether a route uses it, decided from
/// the route and its compiled traffic policy alone. A step that a route does not use is left out of its pipeline, so it
/// costs that route's requests nothing; when a step's skip depends on the request, the predicate says true.
/// </summary>
internal sealed record RouteStep(string Name, Func<GatewayRoute, RouteTrafficPolicy, bool> Uses, Action<IApplicationBuilder> Add)
{
    /// <summary>A step run by the conventional middleware <typeparamref name="TMiddleware"/>.</summary>
    public static RouteStep Of<TMiddleware>(Func<GatewayRoute, RouteTrafficPolicy, bool> uses) =>
        new(typeof(TMiddleware).Name, uses, app => app.UseMiddleware<TMiddleware>());

    /// <summary>For a step every route runs.</summary>
    public static bool Always(GatewayRoute route, RouteTrafficPolicy traffic) => true;
}
