namespace AgentGateway.Mcp.Sessions;

/// <summary>
/// Client-facing MCP session state, shared by replicas when backed by Redis. Records expire after the idle
/// TTL; every request slides the expiry.
/// </summary>
internal interface IMcpSessionStore
{
    ValueTask SetAsync(McpSessionRecord record, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>The record, or null when it never existed, expired or was removed.</summary>
    ValueTask<McpSessionRecord?> GetAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// The record with its expiry slid to <paramref name="ttl"/> (what every request on a session does: one round trip
    /// to a shared store, not a read and a touch); null when it never existed, expired or was removed.
    /// </summary>
    ValueTask<McpSessionRecord?> GetAndTouchAsync(string sessionId, TimeSpan ttl, CancellationToken cancellationToken);

    ValueTask RemoveAsync(string sessionId, CancellationToken cancellationToken);
}
