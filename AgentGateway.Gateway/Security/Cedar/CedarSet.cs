namespace AgentGateway.Security.Cedar;

/// <summary>A Cedar set: duplicates removed, order irrelevant for equality.</summary>
internal sealed class CedarSet : CedarValue
{
    public static readonly CedarSet Empty = new([]);

    private readonly HashSet<CedarValue> _items;
    private int _hash;

    public CedarSet(IEnumerable<CedarValue> items) => _items = [.. items];

    public int Count => _items.Count;

    public IEnumerable<CedarValue> Items => _items;

    public override CedarType Type => CedarType.Set;

    public bool Contains(CedarValue value) => _items.Contains(value);

    public bool IsSubsetOf(CedarSet other) => _items.IsSubsetOf(other._items);

    public bool Overlaps(CedarSet other) => _items.Overlaps(other._items);

    public override bool Equals(CedarValue? other) =>
        ReferenceEquals(this, other) || (other is CedarSet s && s.Count == Count && _items.SetEquals(s._items));

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

    public override string ToString() => "[" + string.Join(", ", _items) + "]";
}
