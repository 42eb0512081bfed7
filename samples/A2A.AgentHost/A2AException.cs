namespace A2A.AgentHost;

/// <summary>A protocol-level failure that becomes a JSON-RPC error (or the REST equivalent).</summary>
internal sealed class A2AException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
