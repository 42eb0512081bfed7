using AgentGateway.A2A.Protocol.V1;

namespace A2A.AgentHost;

/// <summary>The static half of the agent card; URLs are added per request from the address the caller used.</summary>
internal sealed record AgentDescriptor
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public string Version { get; init; } = "1.0.0";
    public required IReadOnlyList<AgentSkill> Skills { get; init; }
}
