namespace AgentGateway.Mcp.Federation;

/// <summary>
/// The serialized form of the last few distinct lists, keyed by the identity of their items: a list whose items are
/// the same objects in the same order has the same JSON. Items are never changed once a target's list is cached
/// (renamed before it is published; a refresh brings new objects), which is what makes identity a safe key. A few
/// slots because callers whose policies show them different subsets alternate.
/// </summary>
internal sealed class SerializedLists<TItem>(Func<List<TItem>, byte[]> serialize)
    where TItem : class
{
    private const int Slots = 4;

    private readonly Entry?[] _entries = new Entry?[Slots];
    private int _next;

    public byte[] Get(List<TItem> items)
    {
        foreach (var entry in _entries)
        {
            if (entry is not null && entry.Holds(items))
            {
                return entry.Json;
            }
        }

        var json = serialize(items);
        Volatile.Write(ref _entries[(Interlocked.Increment(ref _next) & int.MaxValue) % Slots], new Entry([.. items], json));
        return json;
    }

    private sealed class Entry(TItem[] items, byte[] json)
    {
        public byte[] Json => json;

        public bool Holds(List<TItem> other)
        {
            if (other.Count != items.Length)
            {
                return false;
            }

            for (var i = 0; i < items.Length; i++)
            {
                if (!ReferenceEquals(items[i], other[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
