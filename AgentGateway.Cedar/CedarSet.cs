namespace AgentGateway.Cedar;

/// <summary>A Cedar set: duplicates removed, order irrelevant for equality.</summary>
public sealed class CedarSet : CedarValue
{
    /// <summary>The empty set.</summary>
    public static readonly CedarSet Empty = new([]);

    private readonly HashSet<CedarValue> _items;
    private int _hash;

    /// <summary>A set of these values (repeats count once).</summary>
    public CedarSet(IEnumerable<CedarValue> items) => _items = [.. items];

    /// <summary>The number of distinct elements.</summary>
    public int Count => _items.Count;

    /// <summary>The elements, in no particular order.</summary>
    public IEnumerable<CedarValue> Items => _items;

    /// <inheritdoc/>
    public override CedarType Type => CedarType.Set;

    /// <summary>Cedar's <c>contains</c>.</summary>
    public bool Contains(CedarValue value) => _items.Contains(value);

    /// <summary>Whether every element is in <paramref name="other"/> (Cedar's <c>other.containsAll(this)</c>).</summary>
    public bool IsSubsetOf(CedarSet other) => _items.IsSubsetOf(other._items);

    /// <summary>Cedar's <c>containsAny</c>.</summary>
    public bool Overlaps(CedarSet other) => _items.Overlaps(other._items);

    /// <inheritdoc/>
    public override bool Equals(CedarValue? other) =>
        ReferenceEquals(this, other) || (other is CedarSet s && s.Count == Count && _items.SetEquals(s._items));

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            // Order-independent: equal sets must hash alike whatever their insertion order.
            var h = 0x5e7;
            foreach (var item in _items)
            {
                h += item.GetHashCode();
            }

            _hash = h == 0 ? 1 : h;
        }

        return _hash;
    }

    /// <inheritdoc/>
    public override string ToString() => "[" + string.Join(", ", _items) + "]";
}
