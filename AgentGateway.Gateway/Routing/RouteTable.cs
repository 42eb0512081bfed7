using AgentGateway.Configuration;

namespace AgentGateway.Routing;

/// <summary>The compiled routes of one config snapshot, in match order.</summary>
internal sealed class RouteTable
{
    private readonly RouteMatcher[] _matchers;
    private readonly GatewayRoute[] _routes;

    public RouteTable(GatewayConfig config)
    {
        Config = config;
        _matchers = config.Routes
            .Select(r => RouteKinds.Of(r).Select(k => new RouteMatcher(r, k.Kind, k.Backend)).FirstOrDefault())
            .OfType<RouteMatcher>()
            .ToArray();
        // One GatewayRoute per matcher for the snapshot's lifetime: requests share it instead of allocating their own.
        _routes = [.. _matchers.Select(m => new GatewayRoute(m.Config.Name, m.Kind, m.Backend, m.Config, config, m.Prefix))];
    }

    public GatewayConfig Config { get; }

    /// <summary>Every route, in match order.</summary>
    public IReadOnlyList<GatewayRoute> All => _routes;

    /// <summary>First matching route, or null.</summary>
    public GatewayRoute? Match(HttpRequest request, out PathString remainder)
    {
        for (var i = 0; i < _matchers.Length; i++)
        {
            if (_matchers[i].Matches(request, out remainder))
            {
                return _routes[i];
            }
        }

        remainder = default;
        return null;
    }
}
