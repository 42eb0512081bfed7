using AgentGateway.Configuration;

namespace AgentGateway.Routing;

/// <summary>
/// Everything compiled from one accepted config: the route table and the parts the feature folders compile (route
/// traffic policies, http backends, ...), durations already <see cref="TimeSpan"/>s. Immutable; a reload builds a new
/// one and <see cref="GatewayRuntimeProvider"/> swaps it in. A request reads the one it started with, from its features.
/// </summary>
internal sealed class GatewayRuntime
{
    private readonly Dictionary<Type, object> _parts;

    public GatewayRuntime(GatewayConfig config, IReadOnlyDictionary<Type, object> parts)
    {
        Config = config;
        Routes = new RouteTable(config);
        _parts = new Dictionary<Type, object>(parts);
    }

    /// <summary>The config this runtime was compiled from.</summary>
    public GatewayConfig Config { get; }

    /// <summary>The routes, in match order.</summary>
    public RouteTable Routes { get; }

    /// <summary>The part of type <typeparamref name="T"/>, or null when no compiler registered one.</summary>
    public T? Part<T>()
        where T : class => _parts.TryGetValue(typeof(T), out var part) ? (T)part : null;

    /// <summary>The runtime the request is served with (set by route matching), or null before it.</summary>
    public static GatewayRuntime? Of(HttpContext context) => context.Features.Get<GatewayRuntime>();
}
