using System.Text.Json;

namespace AgentGateway.A2A.Protocol.V1;

internal sealed record SendMessageRequest
{
    public string? Tenant { get; init; }
    public required Message Message { get; init; }
    public SendMessageConfiguration? Configuration { get; init; }
    public Dictionary<string, JsonElement>? Metadata { get; init; }
}

internal sealed record SendMessageConfiguration
{
    public IReadOnlyList<string>? AcceptedOutputModes { get; init; }
    public int? HistoryLength { get; init; }
    /// <summary>v1.0 inverts v0.3's <c>blocking</c>: false (the default) waits for a final or interrupted state.</summary>
    public bool? ReturnImmediately { get; init; }
}

/// <summary>Params of GetTask, CancelTask and SubscribeToTask (they only differ in which fields are used).</summary>
internal sealed record TaskIdRequest
{
    public string? Tenant { get; init; }
    public required string Id { get; init; }
    public int? HistoryLength { get; init; }
    public Dictionary<string, JsonElement>? Metadata { get; init; }
}

internal sealed record ListTasksRequest
{
    public string? Tenant { get; init; }
    public string? ContextId { get; init; }
    public string? Status { get; init; }
    public int? PageSize { get; init; }
    public string? PageToken { get; init; }
    public int? HistoryLength { get; init; }
    public bool? IncludeArtifacts { get; init; }
}

internal sealed record ListTasksResponse
{
    public required IReadOnlyList<AgentTask> Tasks { get; init; }
    public string NextPageToken { get; init; } = "";
    public int PageSize { get; init; }
    public int TotalSize { get; init; }
}
