using System.Text.Json;

namespace AgentGateway.A2A.Protocol.V03;

/// <summary>The v0.3 Task object (named AgentTask so it never clashes with System.Threading.Tasks.Task).</summary>
internal sealed record AgentTask
{
    public string Kind { get; init; } = "task";
    public required string Id { get; init; }
    public required string ContextId { get; init; }
    public required AgentTaskStatus Status { get; init; }
    public IReadOnlyList<Message>? History { get; init; }
    public IReadOnlyList<Artifact>? Artifacts { get; init; }
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
}
