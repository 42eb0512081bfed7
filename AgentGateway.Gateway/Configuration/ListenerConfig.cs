namespace AgentGateway.Configuration;

/// <summary>A listener the gateway binds (replaces the host URLs when any is configured).</summary>
public sealed record ListenerConfig
{
    /// <summary>Listener name, for logs.</summary>
    public string Name { get; init; } = "";

    /// <summary>URL to bind, e.g. <c>https://0.0.0.0:8443</c>.</summary>
    public string Url { get; init; } = "";

    /// <summary>Server certificate for https listeners.</summary>
    public CertificateConfig? Certificate { get; init; }

    /// <summary>Lowest TLS version accepted: <c>1.2</c> (default) or <c>1.3</c>.</summary>
    public string MinTlsVersion { get; init; } = "1.2";

    /// <summary>Client certificates (mTLS); absent = none asked for.</summary>
    public AgentGateway.Traffic.ClientCertificateConfig? ClientCertificate { get; init; }
}

/// <summary>A certificate from PEM files (path + keyPath) or a PFX (path + password).</summary>
public sealed record CertificateConfig
{
    /// <summary>PEM certificate or PFX file.</summary>
    public string Path { get; init; } = "";

    /// <summary>PEM private key file (omit for PFX).</summary>
    public string? KeyPath { get; init; }

    /// <summary>PFX password (use <c>${NAME}</c>).</summary>
    public string? Password { get; init; }
}
