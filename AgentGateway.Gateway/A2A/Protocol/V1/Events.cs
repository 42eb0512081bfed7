using System.Text.Json;

namespace AgentGateway.A2A.Protocol.V1;

internal sealed record TaskStatusUpdateEvent
{
    public required string TaskId { get; init; }
    public required string ContextId { get; init; }
    public required AgentTaskStatus Status { get; init; }
    public Dictionary<string, JsonElement>? Metadata { get; init; }
}

internal sealed record TaskArtifactUpdateEvent
{
    public required string TaskId { get; init; }
    public required string ContextId { get; init; }
    public required Artifact Artifact { get; init; }
    public bool Append { get; init; }
    public bool LastChunk { get; init; }
    public Dictionary<string, JsonElement>? Metadata { get; init; }
}

/// <summary>One streamed item (and the <c>SendMessage</c> result): a oneof, exactly one member set.</summary>
internal sealed record StreamResponse
{
    public AgentTask? Task { get; init; }
    public Message? Message { get; init; }
    public TaskStatusUpdateEvent? StatusUpdate { get; init; }
    public TaskArtifactUpdateEvent? ArtifactUpdate { get; init; }
}
