using AgentGateway.Configuration;
using AgentGateway.Routing;

namespace AgentGateway.Traffic;

/// <summary>The traffic policies of every route of one config, compiled once per reload (a runtime part).</summary>
internal sealed class RouteTrafficPolicies(IReadOnlyDictionary<string, RouteTrafficPolicy> byRoute)
{
    /// <summary>The route's compiled policies (<see cref="RouteTrafficPolicy.Empty"/> when it has none).</summary>
    public RouteTrafficPolicy For(string route) => byRoute.GetValueOrDefault(route) ?? RouteTrafficPolicy.Empty;

    /// <summary>Compiles the policies of one route of <paramref name="config"/>.</summary>
    public static RouteTrafficPolicy Compile(RouteConfig route, GatewayConfig config) =>
        route.Policies.Count == 0
            ? RouteTrafficPolicy.Empty
            : new RouteTrafficPolicy([.. route.Policies.Where(config.Policies.ContainsKey).Select(n => (n, config.Policies[n]))]);
}

/// <summary>Compiles <see cref="RouteTrafficPolicies"/> for the runtime.</summary>
internal sealed class RouteTrafficPoliciesCompiler : RuntimeCompiler<RouteTrafficPolicies>
{
    protected override RouteTrafficPolicies Compile(GatewayConfig config, GatewayConfig? previousConfig, RouteTrafficPolicies? previousPart)
    {
        var byRoute = new Dictionary<string, RouteTrafficPolicy>(StringComparer.OrdinalIgnoreCase);
        foreach (var route in config.Routes)
        {
            byRoute.TryAdd(route.Name, RouteTrafficPolicies.Compile(route, config));
        }

        return new RouteTrafficPolicies(byRoute);
    }
}
