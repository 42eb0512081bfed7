namespace AgentGateway.Llm.VirtualModels;

/// <summary>
/// A client-facing model name that spreads requests over several provider/model targets (<c>llm.&lt;backend&gt;.virtualModels.&lt;name&gt;</c>).
/// The chosen target is tried first; the others follow as failover, in the order the strategy ranks them.
/// </summary>
public sealed record VirtualModelConfig
{
    /// <summary><c>weighted</c> (default), <c>failover</c>, <c>leastLatency</c> or <c>leastInflight</c>.</summary>
    public string Strategy { get; init; } = "weighted";

    public IReadOnlyList<VirtualModelTargetConfig> Targets { get; init; } = [];

    /// <summary>Consecutive-failure outlier ejection; the defaults apply when absent.</summary>
    public OutlierEjectionConfig? Ejection { get; init; }
}
