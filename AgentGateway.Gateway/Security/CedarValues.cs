using System.Collections;
using System.Globalization;
using System.Text.Json;
using AgentGateway.Security.Cedar;

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
        double or float or decimal => Number(Convert.ToString(value, CultureInfo.InvariantCulture)!, integerForm: false),
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
        JsonValueKind.Number => Number(e.GetRawText(), integerForm: e.TryGetInt64(out _)),
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

    /// <summary>
    /// A JSON number: a 64-bit integer stays a <c>Long</c>; a number that <c>decimal</c> holds exactly becomes one;
    /// anything else keeps its exact text as a string (never a rounded value a policy could be fooled by).
    /// </summary>
    private static CedarValue Number(string text, bool integerForm)
    {
        if (integerForm)
        {
            return CedarLong.Of(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        return ExactDecimal(text) is { } scaled ? new CedarDecimal(scaled) : new CedarString(text);
    }

    /// <summary>The value × 10⁴ when it is a whole number within 64 bits, computed from the digits (no floating point).</summary>
    private static long? ExactDecimal(string text)
    {
        var span = text.AsSpan();
        var negative = span.StartsWith("-");
        if (negative)
        {
            span = span[1..];
        }

        var e = span.IndexOfAny('e', 'E');
        var mantissa = e < 0 ? span : span[..e];
        var dot = mantissa.IndexOf('.');
        var whole = dot < 0 ? mantissa : mantissa[..dot];
        var fraction = dot < 0 ? [] : mantissa[(dot + 1)..];
        if (whole.IsEmpty || !IsDigits(whole) || !IsDigits(fraction))
        {
            return null;
        }

        // value × 10⁴ = digits × 10^scale
        var digits = (whole.ToString() + fraction.ToString()).TrimStart('0');
        var exponent = 0;
        if (e >= 0 && digits.Length > 0
            && (!int.TryParse(span[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent) || Math.Abs(exponent) > 1_000_000))
        {
            return null; // an exponent this large is far outside decimal's range either way (and not worth a loop)
        }

        var scale = exponent - fraction.Length + 4;
        while (scale < 0 && digits.EndsWith('0'))
        {
            digits = digits[..^1];
            scale++;
        }

        if (digits.Length == 0)
        {
            return 0;
        }

        if (scale < 0 || digits.Length + scale > 19)
        {
            return null; // more than four fractional digits, or beyond 64 bits
        }

        var magnitude = ulong.Parse(digits, CultureInfo.InvariantCulture);
        for (var i = 0; i < scale; i++)
        {
            magnitude *= 10; // at most 19 digits in all: cannot overflow a ulong
        }

        return negative
            ? magnitude <= (ulong)long.MaxValue + 1 ? (long)(0 - magnitude) : null
            : magnitude <= long.MaxValue ? (long)magnitude : null;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
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

/// <summary>A request value with no faithful Cedar form. The message names where (keys only, never values).</summary>
public sealed class CedarValueException : Exception
{
    public CedarValueException()
    {
    }

    public CedarValueException(string message)
        : base(message)
    {
    }

    public CedarValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CedarValueException(string path, string reason)
        : base($"{path}: {reason}")
    {
    }
}
