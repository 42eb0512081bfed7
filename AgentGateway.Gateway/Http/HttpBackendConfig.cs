using AgentGateway.Traffic;

namespace AgentGateway.Http;

/// <summary>A plain HTTP backend proxied with YARP.</summary>
public sealed record HttpBackendConfig
{
    /// <summary>Destination base URLs, balanced round-robin.</summary>
    public IReadOnlyList<string> Destinations { get; init; } = [];

    /// <summary>How long a destination that failed is skipped (passive health), e.g. <c>30s</c>.</summary>
    public string ReactivationPeriod { get; init; } = "30s";

    /// <summary>
    /// Forward the client's <c>Authorization</c> and <c>x-api-key</c> headers even when the route's authentication read
    /// them (off by default: credentials that authenticated to the gateway are not the upstream's). Routes without
    /// authentication forward them anyway, since the gateway did not consume them.
    /// </summary>
    public bool Passthrough { get; init; }

    /// <summary>TLS towards https destinations (private CA, client certificate, SNI).</summary>
    public BackendTlsConfig? Tls { get; init; }
}
