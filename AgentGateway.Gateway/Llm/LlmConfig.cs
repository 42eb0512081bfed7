namespace AgentGateway.Llm;

/// <summary>An LLM backend: providers, aliases, failover order and guards (DESIGN.md §4 <c>llm:</c>).</summary>
public sealed record LlmBackendConfig
{
    /// <summary>Model providers.</summary>
    public IReadOnlyList<LlmProviderConfig> Providers { get; init; } = [];

    /// <summary>Alias → model name.</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>();

    /// <summary>Provider names in the order to try when one fails.</summary>
    public IReadOnlyList<string> Failover { get; init; } = [];
}

/// <summary>One model provider.</summary>
public sealed record LlmProviderConfig
{
    /// <summary>Provider name.</summary>
    public string Name { get; init; } = "";

    /// <summary>openai | azure-openai | anthropic | ollama | gemini | openai-compatible | mock.</summary>
    public string Type { get; init; } = "";

    /// <summary>Base URL of the provider's API.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>API key (use <c>${NAME}</c>).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Models served (wildcards allowed).</summary>
    public IReadOnlyList<string> Models { get; init; } = [];
}
