namespace AgentGateway.Traffic;

/// <summary>Client certificates (mTLS) on a listener.</summary>
public sealed record ClientCertificateConfig
{
    /// <summary><c>require</c> (handshake fails without a valid certificate) or <c>allow</c> (optional, validated when sent).</summary>
    public string Mode { get; init; } = "require";

    /// <summary>PEM file of the CA certificate(s) client certificates must chain to.</summary>
    public string CaPath { get; init; } = "";
}
