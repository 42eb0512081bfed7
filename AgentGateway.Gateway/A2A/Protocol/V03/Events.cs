using System.Text.Json;

namespace AgentGateway.A2A.Protocol.V03;

internal sealed record TaskStatusUpdateEvent
{
    public string Kind { get; init; } = "status-update";
    public required string TaskId { get; init; }
    public required string ContextId { get; init; }
    public required AgentTaskStatus Status { get; init; }
    public bool Final { get; init; }
    public Dictionary<string, JsonElement>? Metadata { get; init; }
}

internal sealed record TaskArtifactUpdateEvent
{
    public string Kind { get; init; } = "artifact-update";
    public required string TaskId { get; init; }
    public required string ContextId { get; init; }
    public required Artifact Artifact { get; init; }
    public bool? Append { get; init; }
    public bool? LastChunk { get; init; }
    public Dictionary<string, JsonElement>? Metadata { get; init; }
}
