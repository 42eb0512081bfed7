using System.Text.Json;

namespace AgentGateway.A2A.Protocol.V1;

/// <summary>The v1.0 Task (named AgentTask so it never clashes with System.Threading.Tasks.Task).</summary>
internal sealed record AgentTask
{
    public required string Id { get; init; }
    public required string ContextId { get; init; }
    public required AgentTaskStatus Status { get; init; }
    public IReadOnlyList<Artifact>? Artifacts { get; init; }
    public IReadOnlyList<Message>? History { get; init; }
    public Dictionary<string, JsonElement>? Metadata { get; init; }
}

internal sealed record AgentTaskStatus
{
    /// <summary>One of <see cref="TaskStates"/>.</summary>
    public required string State { get; init; }
    public Message? Message { get; init; }
    public string? Timestamp { get; init; }
}

internal sealed record Artifact
{
    public required string ArtifactId { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<Part> Parts { get; init; }
    public Dictionary<string, JsonElement>? Metadata { get; init; }
    public IReadOnlyList<string>? Extensions { get; init; }
}
