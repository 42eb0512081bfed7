using System.Collections.Concurrent;

namespace AgentGateway.Mcp.Sessions;

/// <summary>Session store for a single replica. Expired records are dropped lazily on access and by <see cref="Prune"/>.</summary>
internal sealed class InMemoryMcpSessionStore(TimeProvider timeProvider) : IMcpSessionStore
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public ValueTask SetAsync(McpSessionRecord record, TimeSpan ttl, CancellationToken cancellationToken)
    {
        Prune();
        _entries[record.SessionId] = new Entry(record, timeProvider.GetUtcNow() + ttl);
        return default;
    }

    public ValueTask<McpSessionRecord?> GetAsync(string sessionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryGetLive(sessionId)?.Record);

    public ValueTask<McpSessionRecord?> GetAndTouchAsync(string sessionId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        if (TryGetLive(sessionId) is not { } entry)
        {
            return ValueTask.FromResult<McpSessionRecord?>(null);
        }

        // Replaced only if no one wrote the session meanwhile: a concurrent SetAsync's record must win over this copy.
        _entries.TryUpdate(sessionId, entry with { ExpiresAt = timeProvider.GetUtcNow() + ttl }, entry);
        return ValueTask.FromResult<McpSessionRecord?>(entry.Record);
    }

    public ValueTask RemoveAsync(string sessionId, CancellationToken cancellationToken)
    {
        _entries.TryRemove(sessionId, out _);
        return default;
    }

    /// <summary>Removes every expired record.</summary>
    public void Prune()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var (id, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(id, entry));
            }
        }
    }

    private Entry? TryGetLive(string sessionId)
    {
        if (!_entries.TryGetValue(sessionId, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt <= timeProvider.GetUtcNow())
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(sessionId, entry));
            return null;
        }

        return entry;
    }

    private sealed record Entry(McpSessionRecord Record, DateTimeOffset ExpiresAt);
}
