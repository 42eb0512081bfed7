namespace AgentGateway.Llm.VirtualModels;

/// <summary>One place a virtual model can send a request: a provider of the same backend and the model to ask it for.</summary>
public sealed record VirtualModelTargetConfig
{
    /// <summary>The name of a provider of the same backend.</summary>
    public string Provider { get; init; } = "";

    /// <summary>The upstream model name sent to the provider (must match the provider's <c>models</c>).</summary>
    public string Model { get; init; } = "";

    /// <summary>Share of traffic under the <c>weighted</c> strategy, relative to the other targets' weights.</summary>
    public int Weight { get; init; } = 1;
}
