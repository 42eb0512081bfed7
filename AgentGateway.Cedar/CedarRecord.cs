namespace AgentGateway.Cedar;

/// <summary>A Cedar record: string-keyed attributes compared structurally.</summary>
public sealed class CedarRecord : CedarValue
{
    /// <summary>The record with no attributes.</summary>
    public static readonly CedarRecord Empty = new(new Dictionary<string, CedarValue>(StringComparer.Ordinal));

    private readonly Dictionary<string, CedarValue> _attrs;
    private int _hash;

    /// <summary>A record of these attributes (copied; names compare ordinally).</summary>
    public CedarRecord(IEnumerable<KeyValuePair<string, CedarValue>> attributes)
        : this(new Dictionary<string, CedarValue>(attributes ?? throw new ArgumentNullException(nameof(attributes)), StringComparer.Ordinal))
    {
    }

    // The engine's own records: the dictionary is built for this record alone and is not copied again.
    internal CedarRecord(Dictionary<string, CedarValue> attributes) => _attrs = attributes;

    /// <summary>The attributes by name.</summary>
    public IReadOnlyDictionary<string, CedarValue> Attributes => _attrs;

    /// <inheritdoc/>
    public override CedarType Type => CedarType.Record;

    /// <summary>Reads an attribute.</summary>
    public bool TryGet(string name, out CedarValue value) => _attrs.TryGetValue(name, out value!);

    /// <summary>Whether the record has the attribute (Cedar's <c>has</c>).</summary>
    public bool Has(string name) => _attrs.ContainsKey(name);

    /// <inheritdoc/>
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

    /// <inheritdoc/>
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

    /// <inheritdoc/>
    public override string ToString() =>
        "{" + string.Join(", ", _attrs.Select(kv => CedarText.Quote(kv.Key) + ": " + kv.Value)) + "}";
}
