using AgentGateway.Llm.VirtualModels;

namespace AgentGateway.Llm;

/// <summary>One <c>llm:</c> backend (DESIGN.md §4): providers, model aliases, virtual models, failover order and guards.</summary>
public sealed record LlmBackendConfig
{
    public IReadOnlyList<LlmProviderConfig> Providers { get; init; } = [];

    /// <summary>Client-facing model name → upstream model name (which may itself match a wildcard).</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>();

    /// <summary>Provider names in the order to try; providers not listed follow in config order.</summary>
    public IReadOnlyList<string> Failover { get; init; } = [];

    /// <summary>Model names routed across several providers by a strategy (weighted, failover, leastLatency, leastInflight).</summary>
    public IReadOnlyDictionary<string, VirtualModelConfig> VirtualModels { get; init; } = new Dictionary<string, VirtualModelConfig>();

    public LlmGuardsConfig? Guards { get; init; }

    /// <summary>Model → price (USD per million tokens), over the shipped defaults; a provider's own <c>prices</c> win over these.</summary>
    public IReadOnlyDictionary<string, Cost.ModelPriceConfig> Prices { get; init; } = new Dictionary<string, Cost.ModelPriceConfig>();
}
