using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AgentGateway.Mcp.Sessions;

/// <summary>
/// The shared (Redis) store with this replica's memory behind it, so a Redis outage never fails a request: records
/// are written to both and read from Redis first; while Redis is unreachable (or not connected, checked without a
/// round trip) the replica serves from memory the sessions it has seen. A remembered record Redis does not have
/// (written during the outage, or lost with Redis's data) is written back on its next read, unless Redis says the
/// session was ended meanwhile.
/// </summary>
internal sealed class FallbackMcpSessionStore(RedisMcpSessionStore shared, InMemoryMcpSessionStore local, Func<bool> sharedConnected, ILogger logger) : IMcpSessionStore
{
    private int _outageLogged;

    public async ValueTask SetAsync(McpSessionRecord record, TimeSpan ttl, CancellationToken cancellationToken)
    {
        await local.SetAsync(record, ttl, cancellationToken);
        await TryShared(async () => { await shared.SetAsync(record, ttl, cancellationToken); return true; });
    }

    public ValueTask<McpSessionRecord?> GetAsync(string sessionId, CancellationToken cancellationToken) =>
        ReadAsync(sessionId, () => shared.GetAsync(sessionId, cancellationToken).AsTask(), () => local.GetAsync(sessionId, cancellationToken), cancellationToken);

    public ValueTask<McpSessionRecord?> GetAndTouchAsync(string sessionId, TimeSpan ttl, CancellationToken cancellationToken) =>
        ReadAsync(sessionId, () => shared.GetAndTouchAsync(sessionId, ttl, cancellationToken).AsTask(),
            () => local.GetAndTouchAsync(sessionId, ttl, cancellationToken), cancellationToken);

    private async ValueTask<McpSessionRecord?> ReadAsync(string sessionId, Func<Task<McpSessionRecord?>> readShared,
        Func<ValueTask<McpSessionRecord?>> readLocal, CancellationToken cancellationToken)
    {
        var (reached, record) = await TryShared(readShared);
        var remembered = await readLocal();
        if (!reached)
        {
            return remembered;
        }

        if (record is null && remembered is not null)
        {
            var (_, removed) = await TryShared(() => shared.WasRemovedAsync(sessionId).AsTask());
            if (removed)
            {
                // Deleted through another replica (or ended everywhere): this replica's copy must not bring it back.
                await local.RemoveAsync(sessionId, cancellationToken);
                return null;
            }

            // Written while Redis was down, or lost by a Redis restart: share it again.
            await TryShared(async () => { await shared.SetAsync(remembered, DefaultTtl, cancellationToken); return true; });
            return remembered;
        }

        if (record is not null && remembered is null)
        {
            await local.SetAsync(record, DefaultTtl, cancellationToken); // so this replica can serve it through an outage
        }

        return record;
    }

    public async ValueTask RemoveAsync(string sessionId, CancellationToken cancellationToken)
    {
        await local.RemoveAsync(sessionId, cancellationToken);
        await TryShared(async () => { await shared.RemoveAsync(sessionId, cancellationToken); return true; });
    }

    /// <summary>The idle TTL used when a record is copied between the stores (sliding on the next request anyway).</summary>
    public TimeSpan DefaultTtl { get; init; } = TimeSpan.FromMinutes(30);

    private async Task<(bool Reached, T? Value)> TryShared<T>(Func<Task<T>> call)
    {
        if (!sharedConnected())
        {
            NoteOutage("not connected");
            return (false, default);
        }

        try
        {
            var value = await call();
            if (Interlocked.Exchange(ref _outageLogged, 0) == 1)
            {
                Log.SessionStoreRecovered(logger);
            }

            return (true, value);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            NoteOutage(ex.Message);
            return (false, default);
        }
    }

    private void NoteOutage(string reason)
    {
        if (Interlocked.Exchange(ref _outageLogged, 1) == 0)
        {
            Log.SessionStoreFallback(logger, reason);
        }
    }
}
