using System.Collections;
using System.Globalization;
using System.Text.Json;
using AgentGateway.Cedar;

namespace AgentGateway.Security;

/// <summary>
/// Presents request data (claims, resource attributes, context, tool arguments) to Cedar. Every JSON value has a
/// Cedar form, so a policy sees all of the request:
/// <list type="table">
/// <item>string → <c>String</c>; true/false → <c>Bool</c>; an integer that fits 64 bits → <c>Long</c></item>
/// <item>a number with a fraction or exponent that is exact in <c>decimal</c> (at most 4 fractional digits, within
/// ±922337203685477.5807) → <c>decimal</c>; any other number (1e400, 0.00001, an integer beyond 64 bits) → the
/// number's JSON text as a <c>String</c></item>
/// <item>null → the record key is absent (<c>has</c> is false); a null array element is left out</item>
/// <item>array → <c>Set</c> (order and repeats are not kept); object → <c>Record</c> with the same keys. Keys such
/// as <c>__entity</c> or <c>__extn</c> are plain keys: request data never becomes an entity reference.</item>
/// </list>
/// What has no faithful form — an object with a duplicate key (parsers disagree on which one counts) or nesting
/// deeper than <see cref="MaxDepth"/> — throws <see cref="CedarValueException"/>, and the authorizer denies the
/// request: an attribute is never left out silently.
/// </summary>
internal static class CedarValues
{
    /// <summary>How deep records and sets may nest (the JSON reader's own default limit is 64).</summary>
    public const int MaxDepth = 128;

    /// <summary>A record of these values; a null value leaves its key out. Throws <see cref="CedarValueException"/>.</summary>
    public static Dictionary<string, CedarValue> Record(IEnumerable<KeyValuePair<string, object?>> values)
    {
        var record = new Dictionary<string, CedarValue>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            if (FromObject(value, key, 1) is { } converted && !record.TryAdd(key, converted))
            {
                throw new CedarValueException(key, "the key appears twice");
            }
        }

        return record;
    }

    /// <summary>The Cedar form of a JSON value; null for JSON null.</summary>
    public static CedarValue? FromJson(JsonElement value) => FromJson(value, "", 0);

    private static CedarValue? FromObject(object? value, string path, int depth) => value switch
    {
        null => null,
        CedarValue v => v,
        JsonElement e => FromJson(e, path, depth),
        string s => new CedarString(s),
        bool b => CedarBool.Of(b),
        long or int or short or sbyte or byte or ushort or uint => CedarLong.Of(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong u => u <= long.MaxValue ? CedarLong.Of((long)u) : new CedarString(u.ToString(CultureInfo.InvariantCulture)),
        double or float or decimal => CedarNumber.From(Convert.ToString(value, CultureInfo.InvariantCulture)!, integerForm: false),
        IDictionary dictionary => FromDictionary(dictionary, path, depth),
        IEnumerable list => FromList(list.Cast<object?>(), path, depth, FromObject),
        _ => throw new CedarValueException(path, $"a {value.GetType().Name} has no Cedar form"),
    };

    private static CedarValue? FromJson(JsonElement e, string path, int depth) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => new CedarString(e.GetString()!),
        JsonValueKind.True => CedarBool.True,
        JsonValueKind.False => CedarBool.False,
        JsonValueKind.Number => CedarNumber.From(e.GetRawText(), integerForm: e.TryGetInt64(out _)),
        JsonValueKind.Array => FromList(e.EnumerateArray(), path, depth, FromJson),
        _ => FromJsonObject(e, path, depth),
    };

    private static CedarRecord FromJsonObject(JsonElement e, string path, int depth)
    {
        CheckDepth(path, depth);
        var attributes = new Dictionary<string, CedarValue>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            var childPath = Child(path, property.Name);
            if (!seen.Add(property.Name))
            {
                throw new CedarValueException(childPath, "the key appears twice");
            }

            if (FromJson(property.Value, childPath, depth + 1) is { } value)
            {
                attributes[property.Name] = value;
            }
        }

        return new CedarRecord(attributes);
    }

    private static CedarRecord FromDictionary(IDictionary dictionary, string path, int depth)
    {
        CheckDepth(path, depth);
        var attributes = new Dictionary<string, CedarValue>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary)
        {
            var key = entry.Key as string ?? throw new CedarValueException(path, "record keys must be strings");
            if (FromObject(entry.Value, Child(path, key), depth + 1) is { } value)
            {
                attributes[key] = value;
            }
        }

        return new CedarRecord(attributes);
    }

    private static CedarSet FromList<T>(IEnumerable<T> items, string path, int depth, Func<T, string, int, CedarValue?> convert)
    {
        CheckDepth(path, depth);
        var elements = new List<CedarValue>();
        var index = 0;
        foreach (var item in items)
        {
            if (convert(item, $"{path}[{index++}]", depth + 1) is { } value)
            {
                elements.Add(value);
            }
        }

        return new CedarSet(elements);
    }

    private static void CheckDepth(string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new CedarValueException(path, $"nested deeper than {MaxDepth} levels");
        }
    }

    private static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
