using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentGateway.A2A.Protocol.V03;

/// <summary>The v0.3 agent card. Fields the gateway does not model survive in <see cref="Extra"/>.</summary>
internal sealed record AgentCard
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string Url { get; init; }
    public string? PreferredTransport { get; init; }
    public string ProtocolVersion { get; init; } = "0.3.0";
    public required string Version { get; init; }
    public IReadOnlyList<AgentInterface>? AdditionalInterfaces { get; init; }
    public AgentProvider? Provider { get; init; }
    public required AgentCapabilities Capabilities { get; init; }
    public Dictionary<string, SecurityScheme>? SecuritySchemes { get; init; }
    public IReadOnlyList<Dictionary<string, IReadOnlyList<string>>>? Security { get; init; }
    public required IReadOnlyList<string> DefaultInputModes { get; init; }
    public required IReadOnlyList<string> DefaultOutputModes { get; init; }
    public required IReadOnlyList<AgentSkill> Skills { get; init; }
    public IReadOnlyList<AgentCardSignature>? Signatures { get; init; }
    public bool? SupportsAuthenticatedExtendedCard { get; init; }

    // Settable, not init: System.Text.Json cannot bind extension data through the init-only constructor path.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed record AgentInterface(string Url, string Transport);

internal sealed record AgentProvider(string Organization, string Url);

internal sealed record AgentCapabilities
{
    public bool? Streaming { get; init; }
    public bool? PushNotifications { get; init; }
    public bool? StateTransitionHistory { get; init; }
}

internal sealed record AgentSkill
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string>? Examples { get; init; }
}

/// <summary>OpenAPI-style security scheme (<c>type</c>: apiKey | http | oauth2 | openIdConnect | mutualTLS).</summary>
internal sealed record SecurityScheme
{
    public required string Type { get; init; }
    public string? Description { get; init; }
    public string? Scheme { get; init; }
    public string? BearerFormat { get; init; }
    public string? In { get; init; }
    public string? Name { get; init; }
    public string? OpenIdConnectUrl { get; init; }
}

internal sealed record AgentCardSignature
{
    public required string Protected { get; init; }
    public required string Signature { get; init; }
    public JsonElement? Header { get; init; }
}
