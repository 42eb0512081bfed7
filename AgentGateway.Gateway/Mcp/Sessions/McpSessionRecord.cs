namespace AgentGateway.Mcp.Sessions;

/// <summary>
/// What a client-facing MCP session needs to be served by any replica: who owns it, how it initialized,
/// and the upstream sessions per target. Serialized as JSON by the stores.
/// </summary>
internal sealed record McpSessionRecord
{
    public required string SessionId { get; init; }

    /// <summary>The mcp backend (federated server) the session was created on; it never moves to another.</summary>
    public required string Backend { get; init; }

    /// <summary>The principal that created the session: <c>["kind","issuer","id"]</c> as JSON, or empty for anonymous (see GatewayClaims.SessionOwner).</summary>
    public required string Principal { get; init; }

    /// <summary>The client's <c>initialize</c> params as JSON (null for legacy SSE sessions).</summary>
    public string? InitializeParams { get; init; }

    /// <summary>The session's own upstream Streamable HTTP sessions by target name, for any replica to resume.</summary>
    public IReadOnlyDictionary<string, UpstreamSessionState> UpstreamSessions { get; init; } = new Dictionary<string, UpstreamSessionState>();

    public DateTimeOffset CreatedAt { get; init; }
}
