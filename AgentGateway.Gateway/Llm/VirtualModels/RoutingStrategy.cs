namespace AgentGateway.Llm.VirtualModels;

/// <summary>How a virtual model picks the target to try first.</summary>
internal enum RoutingStrategy
{
    Weighted,
    Failover,
    LeastLatency,
    LeastInflight,
}

internal static class RoutingStrategies
{
    private static readonly Dictionary<string, RoutingStrategy> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["weighted"] = RoutingStrategy.Weighted,
        ["failover"] = RoutingStrategy.Failover,
        ["leastLatency"] = RoutingStrategy.LeastLatency,
        ["leastInflight"] = RoutingStrategy.LeastInflight,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static RoutingStrategy? Parse(string? name) =>
        name is not null && ByName.TryGetValue(name, out var strategy) ? strategy : null;

    /// <summary>The name used in config, spans and metric tags.</summary>
    public static string Name(this RoutingStrategy strategy) => strategy switch
    {
        RoutingStrategy.Weighted => "weighted",
        RoutingStrategy.Failover => "failover",
        RoutingStrategy.LeastLatency => "leastLatency",
        _ => "leastInflight",
    };

    public static ITargetSelector CreateSelector(this RoutingStrategy strategy) => strategy switch
    {
        RoutingStrategy.Weighted => new WeightedSelector(),
        RoutingStrategy.Failover => new FailoverSelector(),
        RoutingStrategy.LeastLatency => new LeastLatencySelector(),
        _ => new LeastInflightSelector(),
    };
}
