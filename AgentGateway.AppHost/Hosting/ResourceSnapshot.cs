namespace AgentGateway.AppHost.Hosting;

/// <summary>Immutable view of a resource for the table, the dashboard API and tests.</summary>
public sealed record ResourceSnapshot(
    string Name,
    string Kind,
    ResourceState State,
    int? ProcessId,
    int? ExitCode,
    int Restarts,
    DateTimeOffset? StartedAt,
    IReadOnlyList<ResourceUrl> Urls,
    string? Message);

public sealed record ResourceUrl(string Name, string Url, bool IsExternal);

/// <summary>One state change, in the order the orchestrator observed them.</summary>
public sealed record ResourceEvent(long Sequence, string Resource, ResourceState State, DateTimeOffset At);
