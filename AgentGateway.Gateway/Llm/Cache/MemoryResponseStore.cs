namespace AgentGateway.Llm.Cache;

/// <summary>
/// Answers in this process, bounded by entry count and bytes: when either bound is passed, the least recently used
/// entries go. Expired entries are dropped when met (and, being least recently used, are the first evicted).
/// </summary>
internal sealed class MemoryResponseStore(int maxEntries, long maxBytes, TimeProvider time) : IResponseStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byKey.Count;
            }
        }
    }

    public long Bytes { get; private set; }

    public ValueTask<CachedAnswer?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_byKey.TryGetValue(key, out var node))
            {
                return ValueTask.FromResult<CachedAnswer?>(null);
            }

            if (node.Value.ExpiresAt <= time.GetUtcNow())
            {
                Remove(node);
                return ValueTask.FromResult<CachedAnswer?>(null);
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return ValueTask.FromResult<CachedAnswer?>(node.Value.Answer);
        }
    }

    public ValueTask SetAsync(string key, CachedAnswer answer, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var size = answer.Size(key);
        lock (_lock)
        {
            if (_byKey.TryGetValue(key, out var existing))
            {
                Remove(existing);
            }

            if (size > maxBytes)
            {
                return ValueTask.CompletedTask;
            }

            _byKey[key] = _recency.AddFirst(new Entry(key, answer, size, time.GetUtcNow() + ttl));
            Bytes += size;
            while (_byKey.Count > maxEntries || Bytes > maxBytes)
            {
                Remove(_recency.Last!);
            }
        }

        return ValueTask.CompletedTask;
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _byKey.Remove(node.Value.Key);
        Bytes -= node.Value.Size;
    }

    private sealed record Entry(string Key, CachedAnswer Answer, long Size, DateTimeOffset ExpiresAt);
}
