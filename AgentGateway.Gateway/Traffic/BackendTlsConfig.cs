namespace AgentGateway.Traffic;

/// <summary>TLS towards a backend: private CA, client certificate (mTLS), SNI override.</summary>
public sealed record BackendTlsConfig
{
    /// <summary>PEM file of the CA certificate(s) the backend's certificate must chain to (instead of the system roots).</summary>
    public string? CaPath { get; init; }

    /// <summary>Client certificate presented to the backend.</summary>
    public BackendClientCertificateConfig? ClientCertificate { get; init; }

    /// <summary>
    /// Name the backend's certificate must match instead of the destination host (e.g. when dialing an IP).
    /// The SNI sent on the wire stays the destination host (SocketsHttpHandler derives it from the request).
    /// </summary>
    public string? Sni { get; init; }

    /// <summary>Accept any backend certificate. For development only; a warning is logged.</summary>
    public bool InsecureSkipVerify { get; init; }
}

/// <summary>A client certificate: PEM (path + keyPath) or PFX (path + password).</summary>
public sealed record BackendClientCertificateConfig
{
    /// <summary>PEM certificate or PFX file.</summary>
    public string Path { get; init; } = "";

    /// <summary>PEM private key (omit for PFX).</summary>
    public string? KeyPath { get; init; }

    /// <summary>PFX password (use <c>${NAME}</c>).</summary>
    public string? Password { get; init; }
}
