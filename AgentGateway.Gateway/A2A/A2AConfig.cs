namespace AgentGateway.A2A;

/// <summary>An A2A backend: one agent.</summary>
public sealed record A2ABackendConfig
{
    /// <summary>The agent's base URL; its card is read from /.well-known/agent-card.json.</summary>
    public string Url { get; init; } = "";
}
