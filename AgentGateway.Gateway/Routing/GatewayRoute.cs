using AgentGateway.Configuration;

namespace AgentGateway.Routing;

/// <summary>
/// The route a request matched, with the config snapshot it will be served with. Built once per route and config
/// snapshot (see <see cref="RouteTable"/>), so what is derived from the config here is derived once, not per request.
/// </summary>
public sealed record GatewayRoute(string Name, string Kind, string Backend, RouteConfig Config, GatewayConfig Snapshot, PathString Prefix)
{
    /// <summary>The policies the route applies, in order (names already validated).</summary>
    public IReadOnlyList<PolicyConfig> Policies { get; } =
        [.. Config.Policies.Select(name => Snapshot.Policies.TryGetValue(name, out var p) ? p : null).OfType<PolicyConfig>()];

    /// <summary>The route's metric tags and span names, built once with the route.</summary>
    internal Telemetry.RouteTelemetry Telemetry { get; } = new(Name, Kind);
}
