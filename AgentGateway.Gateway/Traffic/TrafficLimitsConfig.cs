namespace AgentGateway.Traffic;

/// <summary>Per-route limits (the policy key is <c>limits</c>).</summary>
public sealed record TrafficLimitsConfig
{
    /// <summary>Largest request body in bytes for this route; overrides the global <c>limits.maxRequestBodySize</c>.</summary>
    public long? MaxRequestBodySize { get; init; }

    /// <summary>Requests served at once on this route (per replica); more get 503.</summary>
    public int? MaxConcurrentRequests { get; init; }
}
