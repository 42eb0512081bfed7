using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AgentGateway.Configuration;
using AgentGateway.Routing;

namespace AgentGateway.Traffic;

/// <summary>Compiled route policies keyed by config instance, so a reload naturally starts a fresh set.</summary>
internal static class RouteTrafficPolicyCache
{
    private static readonly ConditionalWeakTable<GatewayConfig, ConcurrentDictionary<string, RouteTrafficPolicy>> Cache = [];

    public static RouteTrafficPolicy Get(GatewayRoute route)
    {
        if (route.Config.Policies.Count == 0)
        {
            return RouteTrafficPolicy.Empty;
        }

        var perRoute = Cache.GetValue(route.Snapshot, _ => new(StringComparer.OrdinalIgnoreCase));
        return perRoute.GetOrAdd(route.Name, static (_, r) => new RouteTrafficPolicy(
            [.. r.Config.Policies.Where(r.Snapshot.Policies.ContainsKey).Select(n => (n, r.Snapshot.Policies[n]))]), route);
    }
}
