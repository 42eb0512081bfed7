using System.Collections.Concurrent;

namespace AgentGateway.Mcp.Sessions;

/// <summary>
/// Session store for a single replica. Expired records are dropped lazily on access and by <see cref="Prune"/>.
/// A touch (every request on a session) slides the expiry in place and at most once per <see cref="TouchGranularity"/>:
/// it sets the expiry to now + TTL + granularity, so the requests in the following granularity need not write, and
/// a session never expires before its last request + TTL (an idle one expires at most one granularity later).
/// </summary>
internal sealed class InMemoryMcpSessionStore(TimeProvider timeProvider) : IMcpSessionStore
{
    /// <summary>How much later than its last request + TTL an idle session may expire, to spare a write per request.</summary>
    public static readonly TimeSpan TouchGranularity = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public ValueTask SetAsync(McpSessionRecord record, TimeSpan ttl, CancellationToken cancellationToken)
    {
        Prune();
        _entries[record.SessionId] = new Entry(record, timeProvider.GetUtcNow() + ttl);
        return default;
    }

    public ValueTask<McpSessionRecord?> GetAsync(string sessionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryGetLive(sessionId, out _)?.Record);

    public ValueTask<McpSessionRecord?> GetAndTouchAsync(string sessionId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        if (TryGetLive(sessionId, out var now) is not { } entry)
        {
            return ValueTask.FromResult<McpSessionRecord?>(null);
        }

        // Slid in place: a concurrent SetAsync replaces the entry, so its record (and expiry) win over this touch.
        entry.Touch(now, ttl);
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
            if (entry.ExpiredAt(now))
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(id, entry));
            }
        }
    }

    private Entry? TryGetLive(string sessionId, out DateTimeOffset now)
    {
        now = default;
        if (!_entries.TryGetValue(sessionId, out var entry))
        {
            return null;
        }

        now = timeProvider.GetUtcNow();
        if (entry.ExpiredAt(now))
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(sessionId, entry)); // by reference: a newer entry stays
            return null;
        }

        return entry;
    }

    /// <summary>A record and its expiry (UTC ticks), slid in place by touches.</summary>
    private sealed class Entry(McpSessionRecord record, DateTimeOffset expiresAt)
    {
        private long _expiresAtTicks = expiresAt.UtcTicks;

        public McpSessionRecord Record { get; } = record;

        public bool ExpiredAt(DateTimeOffset now) => Volatile.Read(ref _expiresAtTicks) <= now.UtcTicks;

        public void Touch(DateTimeOffset now, TimeSpan ttl)
        {
            var due = (now + ttl).UtcTicks;
            var current = Volatile.Read(ref _expiresAtTicks);
            // Written only when the expiry is short of now + TTL (then a granularity beyond, so the next second of
            // requests only reads), or beyond what this TTL allows (a reload shortened it: it applies from this request).
            while (current < due || current > due + TouchGranularity.Ticks)
            {
                var seen = Interlocked.CompareExchange(ref _expiresAtTicks, due + TouchGranularity.Ticks, current);
                if (seen == current)
                {
                    return;
                }

                current = seen;
            }
        }
    }
}
