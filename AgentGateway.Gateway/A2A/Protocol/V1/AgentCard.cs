using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentGateway.A2A.Protocol.V1;

/// <summary>The v1.0 agent card. Fields the gateway does not model survive in <see cref="Extra"/>.</summary>
internal sealed record AgentCard
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<AgentInterface> SupportedInterfaces { get; init; }
    public AgentProvider? Provider { get; init; }
    public required string Version { get; init; }
    public string? DocumentationUrl { get; init; }
    public required AgentCapabilities Capabilities { get; init; }
    public Dictionary<string, SecurityScheme>? SecuritySchemes { get; init; }
    public IReadOnlyList<SecurityRequirement>? SecurityRequirements { get; init; }
    public required IReadOnlyList<string> DefaultInputModes { get; init; }
    public required IReadOnlyList<string> DefaultOutputModes { get; init; }
    public required IReadOnlyList<AgentSkill> Skills { get; init; }
    public IReadOnlyList<AgentCardSignature>? Signatures { get; init; }
    public string? IconUrl { get; init; }

    // Settable, not init: System.Text.Json cannot bind extension data through the init-only constructor path.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>One way to reach the agent. <c>ProtocolBinding</c>: JSONRPC | HTTP+JSON | GRPC.</summary>
internal sealed record AgentInterface
{
    public required string Url { get; init; }
    public required string ProtocolBinding { get; init; }
    public string? Tenant { get; init; }
    public required string ProtocolVersion { get; init; }
}

internal sealed record AgentProvider(string Organization, string Url);

internal sealed record AgentCapabilities
{
    public bool? Streaming { get; init; }
    public bool? PushNotifications { get; init; }
    public bool? ExtendedAgentCard { get; init; }
}

internal sealed record AgentSkill
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string>? Examples { get; init; }
}

internal sealed record AgentCardSignature
{
    public required string Protected { get; init; }
    public required string Signature { get; init; }
    public JsonElement? Header { get; init; }
}
