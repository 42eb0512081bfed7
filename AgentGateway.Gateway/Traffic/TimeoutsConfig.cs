namespace AgentGateway.Traffic;

/// <summary>Route timeouts (durations like <c>30s</c>); unset = no limit.</summary>
public sealed record TimeoutsConfig
{
    /// <summary>Whole request, until the response is complete (streams switch to <see cref="Idle"/> once they start).</summary>
    public string? Request { get; init; }

    /// <summary>Each try against the backend, until its response headers arrive.</summary>
    public string? Backend { get; init; }

    /// <summary>Longest silence on a streaming (SSE) response before it is cut.</summary>
    public string? Idle { get; init; }
}
