using System.Collections.Concurrent;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>
/// The client sessions one backend runtime knows on this replica, by session id: one <see cref="McpClientSession"/>
/// per id, added when a request or the SDK's session loop first needs it and removed when the session ends here.
/// </summary>
internal sealed class McpSessionTable
{
    private readonly ConcurrentDictionary<string, McpClientSession> _sessions = new(StringComparer.Ordinal);

    public McpClientSession GetOrAdd(string sessionId) => _sessions.GetOrAdd(sessionId, static id => new McpClientSession(id));

    public McpClientSession? Find(string sessionId) => _sessions.GetValueOrDefault(sessionId);

    /// <summary>Removes the session (when it is still the one given; a newer session under the same id stays).</summary>
    public bool Remove(McpClientSession session) => _sessions.TryRemove(new KeyValuePair<string, McpClientSession>(session.Id, session));

    /// <summary>
    /// Removes a session a request added but that never opened here and holds nothing (e.g. a DELETE of a session
    /// another replica serves), so such requests leave no entry behind.
    /// </summary>
    public void RemoveIfUnused(McpClientSession session)
    {
        if (!session.IsOpen && session.ReadyUpstream is null)
        {
            Remove(session);
        }
    }

    public IReadOnlyList<McpClientSession> Snapshot() => [.. _sessions.Values];
}
