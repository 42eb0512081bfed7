namespace AgentGateway.Llm.Cost;

/// <summary>What one model costs, in US dollars per million tokens (the unit providers publish).</summary>
public sealed record ModelPriceConfig
{
    /// <summary>Prompt tokens.</summary>
    public double? Input { get; init; }

    /// <summary>Generated tokens.</summary>
    public double? Output { get; init; }

    /// <summary>Prompt tokens read from the provider's prompt cache; defaults to <see cref="Input"/>.</summary>
    public double? CachedInput { get; init; }
}
