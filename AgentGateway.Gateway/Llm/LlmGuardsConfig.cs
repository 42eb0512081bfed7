namespace AgentGateway.Llm;

/// <summary>Prompt guards applied to requests (before the provider) and responses (before the client).</summary>
public sealed record LlmGuardsConfig
{
    public IReadOnlyList<LlmGuardRuleConfig> Request { get; init; } = [];

    public IReadOnlyList<LlmGuardRuleConfig> Response { get; init; } = [];
}
