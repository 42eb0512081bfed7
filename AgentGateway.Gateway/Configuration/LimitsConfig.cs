namespace AgentGateway.Configuration;

/// <summary>Global request limits; routes may tighten them with policies.</summary>
public sealed record LimitsConfig
{
    /// <summary>Largest accepted request body in bytes (default 10 MiB); larger requests get 413.</summary>
    public long MaxRequestBodySize { get; init; } = 10 * 1024 * 1024;
}
