namespace AgentGateway.A2A;

/// <summary>An A2A backend: one agent.</summary>
public sealed record A2ABackendConfig
{
    /// <summary>The agent's base URL; its card is read from /.well-known/agent-card.json.</summary>
    public string Url { get; init; } = "";

    /// <summary>Forward the client's Authorization header to the agent (off by default: the gateway's
    /// credentials are not the agent's).</summary>
    public bool Passthrough { get; init; }

    /// <summary>Extra headers sent to the agent on every call (e.g. the agent's own API key).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>How long a fetched agent card is reused, e.g. <c>30s</c>; <c>0s</c> fetches it every time.</summary>
    public string CardCacheTtl { get; init; } = "30s";

    /// <summary>TLS towards <see cref="Url"/>: private CA, client certificate (mTLS), name to verify.</summary>
    public Traffic.BackendTlsConfig? Tls { get; init; }
}
