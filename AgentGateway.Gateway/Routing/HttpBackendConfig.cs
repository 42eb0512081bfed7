namespace AgentGateway.Routing;

/// <summary>A plain HTTP backend proxied with YARP.</summary>
public sealed record HttpBackendConfig
{
    /// <summary>Destination base URLs, balanced round-robin.</summary>
    public IReadOnlyList<string> Destinations { get; init; } = [];

    /// <summary>How long a destination that failed is skipped (passive health), e.g. <c>30s</c>.</summary>
    public string ReactivationPeriod { get; init; } = "30s";

    /// <summary>TLS towards https destinations (private CA, client certificate, SNI).</summary>
    public AgentGateway.Traffic.BackendTlsConfig? Tls { get; init; }
}
