namespace AgentGateway.Configuration;

/// <summary>Global request limits; routes may tighten them with policies.</summary>
public sealed record LimitsConfig
{
    /// <summary>Largest accepted request body in bytes (default 10 MiB); larger requests get 413.</summary>
    public long MaxRequestBodySize { get; init; } = 10 * 1024 * 1024;

    /// <summary>Largest total size of request headers in bytes (Kestrel; default 32 KiB); larger requests get 431.</summary>
    public int MaxRequestHeadersTotalSize { get; init; } = 32 * 1024;
}
