namespace AgentGateway.Configuration;

/// <summary>The live configuration: swapped atomically when a valid edit of the file arrives.</summary>
public interface IGatewayConfigProvider
{
    /// <summary>The current configuration. Read it once per request and keep that snapshot.</summary>
    GatewayConfig Current { get; }

    /// <summary>Directory relative paths in the config resolve against.</summary>
    string BaseDirectory { get; }

    /// <summary>Raised after a new valid configuration was swapped in.</summary>
    event Action<GatewayConfig>? Reloaded;
}
