using AgentGateway.Configuration;

namespace AgentGateway.Routing;

/// <summary>The compiled routes of one config snapshot, in match order.</summary>
internal sealed class RouteTable
{
    private readonly RouteMatcher[] _matchers;

    public RouteTable(GatewayConfig config)
    {
        Config = config;
        _matchers = config.Routes
            .Select(r => RouteKinds.Of(r).Select(k => new RouteMatcher(r, k.Kind, k.Backend)).FirstOrDefault())
            .OfType<RouteMatcher>()
            .ToArray();
    }

    public GatewayConfig Config { get; }

    /// <summary>First matching route, or null.</summary>
    public GatewayRoute? Match(HttpRequest request, out PathString remainder)
    {
        foreach (var matcher in _matchers)
        {
            if (matcher.Matches(request, out remainder))
            {
                return new GatewayRoute(matcher.Config.Name, matcher.Kind, matcher.Backend, matcher.Config, Config, matcher.Prefix);
            }
        }

        remainder = default;
        return null;
    }
}
