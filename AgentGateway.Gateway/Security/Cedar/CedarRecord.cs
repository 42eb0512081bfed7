namespace AgentGateway.Security.Cedar;

/// <summary>A Cedar record: string-keyed attributes compared structurally.</summary>
internal sealed class CedarRecord : CedarValue
{
    public static readonly CedarRecord Empty = new(new Dictionary<string, CedarValue>(StringComparer.Ordinal));

    private readonly Dictionary<string, CedarValue> _attrs;
    private int _hash;

    public CedarRecord(Dictionary<string, CedarValue> attributes) => _attrs = attributes;

    public IReadOnlyDictionary<string, CedarValue> Attributes => _attrs;

    public override CedarType Type => CedarType.Record;

    public bool TryGet(string name, out CedarValue value) => _attrs.TryGetValue(name, out value!);

    public bool Has(string name) => _attrs.ContainsKey(name);

    public override bool Equals(CedarValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is not CedarRecord r || r._attrs.Count != _attrs.Count)
        {
            return false;
        }

        foreach (var (key, value) in _attrs)
        {
            if (!r._attrs.TryGetValue(key, out var v) || !v.Equals(value))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var h = 0x7ec;
            foreach (var (key, value) in _attrs)
            {
                h += HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), value.GetHashCode());
            }

            _hash = h == 0 ? 1 : h;
        }

        return _hash;
    }

    public override string ToString() =>
        "{" + string.Join(", ", _attrs.Select(kv => CedarText.Quote(kv.Key) + ": " + kv.Value)) + "}";
}
