namespace AgentGateway.Routing;

/// <summary>
/// Writes an error the gateway raises itself (e.g. a body over the limit) in the protocol shape a backend
/// kind's clients expect. Kinds without one get <see cref="GatewayErrors"/>' JSON.
/// </summary>
public interface IBackendErrorWriter
{
    /// <summary>The route kind whose clients this writer serves.</summary>
    string Kind { get; }

    /// <summary>Writes the error (the response has not started).</summary>
    Task WriteAsync(HttpContext context, int status, string type, string message);
}
