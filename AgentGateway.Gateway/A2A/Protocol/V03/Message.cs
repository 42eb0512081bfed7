using System.Text.Json;

namespace AgentGateway.A2A.Protocol.V03;

internal sealed record Message
{
    public string Kind { get; init; } = "message";
    public required string MessageId { get; init; }
    /// <summary>"user" or "agent".</summary>
    public required string Role { get; init; }
    public required IReadOnlyList<Part> Parts { get; init; }
    public string? ContextId { get; init; }
    public string? TaskId { get; init; }
    public IReadOnlyList<string>? ReferenceTaskIds { get; init; }
    public Dictionary<string, JsonElement>? Metadata { get; init; }
}
