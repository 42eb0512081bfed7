using AgentGateway.Mcp.Sessions;
using AgentGateway.Mcp.Upstream;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>
/// The client sessions' own upstream connections on this replica: created (resuming recorded upstream sessions),
/// kept current in the record, and ended — everywhere when the client session ends, here only when this replica's
/// copy idles out.
/// </summary>
internal sealed partial class McpBackendRuntime
{
    private static readonly IReadOnlyDictionary<string, UpstreamSessionState> NoUpstreamSessions = new Dictionary<string, UpstreamSessionState>();

    /// <summary>
    /// Closes this replica's connections for a session that ended elsewhere (the SDK drops its own copy when it idles
    /// out). The upstream sessions were ended by the replica that saw the end.
    /// </summary>
    private static async Task DropUpstreamConnectionsAsync(McpClientSession session)
    {
        if (session.DetachUpstream() is { } upstream)
        {
            await upstream.DisposeAsync();
        }
    }

    /// <summary>The SDK's server a client session runs on here; null when it is not open on this replica.</summary>
    public McpServer? ServerOf(string sessionId) => _table.Find(sessionId)?.Server;

    /// <summary>The targets serving a request: the session's own connections, or the shared ones.</summary>
    private async ValueTask<TargetSet> ResolveTargetsAsync(McpServer server, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(server.SessionId))
        {
            await _sharedReady.WaitAsync(cancellationToken);
            return _shared;
        }

        var upstream = await _table.GetOrAdd(server.SessionId).GetUpstreamAsync(() => CreateUpstreamAsync(server)).WaitAsync(cancellationToken);
        return upstream.Targets;
    }

    /// <summary>
    /// The client session's targets on this replica. A client that answers server requests gets connections of its
    /// own, resuming the upstream sessions recorded by whichever replica (or earlier runtime) opened them.
    /// </summary>
    private async Task<SessionUpstream> CreateUpstreamAsync(McpServer server)
    {
        var session = new SessionUpstream(server, _relay, _logger);
        if (SessionUpstream.NeedsOwnConnections(server.ClientCapabilities))
        {
            var record = await Store.GetAsync(session.SessionId, CancellationToken.None);
            var own = new TargetSet(Config, _factory, BaseDirectory, session, _logger, record?.UpstreamSessions ?? NoUpstreamSessions);
            own.StateChanged += changed => { _ = RecordUpstreamSessionsAsync(session.SessionId, own); };
            await session.UseOwnAsync(own);
            await RecordUpstreamSessionsAsync(session.SessionId, own);
        }
        else
        {
            await _sharedReady;
            session.UseShared(_shared);
        }

        return session;
    }

    /// <summary>Keeps the record's upstream sessions current (a target reconnected with a new session), for other replicas.</summary>
    private async Task RecordUpstreamSessionsAsync(string sessionId, TargetSet own)
    {
        try
        {
            var live = own.UpstreamSessions();
            if (await Store.GetAsync(sessionId, CancellationToken.None) is { } record && !SameSessions(record.UpstreamSessions, live))
            {
                await Store.SetAsync(record with { UpstreamSessions = Merge(record.UpstreamSessions, live) }, Ttl, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            Log.UpstreamSessionsNotRecorded(_logger, sessionId, ex.Message); // the next replica opens new upstream sessions instead
        }
    }

    private static Dictionary<string, UpstreamSessionState> Merge(IReadOnlyDictionary<string, UpstreamSessionState> stored, IReadOnlyDictionary<string, UpstreamSessionState>? live)
    {
        var merged = new Dictionary<string, UpstreamSessionState>(stored, StringComparer.Ordinal);
        if (live is not null)
        {
            foreach (var (target, session) in live)
            {
                merged[target] = session;
            }
        }

        return merged;
    }

    private static bool SameSessions(IReadOnlyDictionary<string, UpstreamSessionState> stored, IReadOnlyDictionary<string, UpstreamSessionState> live) =>
        live.All(p => stored.TryGetValue(p.Key, out var s) && s.SessionId == p.Value.SessionId);

    /// <summary>
    /// Called when the SDK's session loop ends here (DELETE, idle timeout, runtime replaced). Only a real end (the
    /// client's DELETE, or the record gone: idle everywhere) closes the upstream sessions and removes the record; an
    /// idle copy on this replica is just dropped, since the client may be talking to other replicas.
    /// </summary>
    public async Task EndSessionAsync(string? sessionId)
    {
        if (string.IsNullOrEmpty(sessionId) || _table.Find(sessionId) is not { } session || !session.End())
        {
            return; // ended already (the SDK's loop and the runtime's disposal both end sessions)
        }

        _table.Remove(session);
        if (session.IsOpen)
        {
            McpTelemetry.SessionEnded(Name, sessionId);
        }

        SessionUpstream? local = null;
        try
        {
            local = await session.TakeUpstreamAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.ForwardFailed(_logger, sessionId, ex.Message);
        }

        try
        {
            // When the runtime is being replaced (config reload) everything stays: the session migrates to the new one.
            if (!_disposing && await RealEndAsync(session) is { } recorded)
            {
                await EndEverywhereAsync(sessionId, recorded, local?.OwnTargets);
            }
        }
        finally
        {
            if (local is not null)
            {
                await local.DisposeAsync();
            }
        }

        Log.SessionEnded(_logger, sessionId, Name);
    }

    /// <summary>
    /// The upstream sessions to end when the session's end is real: the client deleted it through this replica (those
    /// recorded), or it is gone from the store (idle on every replica, or deleted through another: none recorded, the
    /// live ones here are ended). Null when only this replica's copy idled out.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, UpstreamSessionState>?> RealEndAsync(McpClientSession session)
    {
        if (session.TakeDelete() is { } deleted)
        {
            return deleted.UpstreamSessions;
        }

        return await Store.GetAsync(session.Id, CancellationToken.None) is null ? NoUpstreamSessions : null;
    }

    /// <summary>The client session is over: end its upstream sessions (recorded, and live here) and forget it.</summary>
    private async Task EndEverywhereAsync(string sessionId, IReadOnlyDictionary<string, UpstreamSessionState> recorded, TargetSet? local)
    {
        await _closer.CloseAsync(Config, Merge(recorded, local?.UpstreamSessions()));
        await Store.RemoveAsync(sessionId, CancellationToken.None);
    }
}
