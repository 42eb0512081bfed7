using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// Generators of JSON text aimed at the edges of the Cedar conversion: numbers of every shape (huge, tiny, exponents,
/// beyond 64 bits), nulls, \u escapes, Cedar's own escape keys, deep nesting and duplicate keys.
/// </summary>
internal static class CedarJsonGen
{
    private static readonly Gen<string> Digits = Gen.Char["0123456789"].Array[1, 40].Select(d => new string(d));

    public static readonly Gen<string> Number = Gen.OneOf(
        Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.OneOf<string>("1e400", "-1e-400", "0.00001", "922337203685477.5807", "922337203685477.5808", "-0.0", "1E+2", "0e999999999"),
        Gen.Select(Gen.Bool, Digits, Gen.Char["0123456789"].Array[0, 8], Gen.Int[-500, 500], Gen.Int[0, 2], (negative, whole, fraction, exponent, form) =>
        {
            var text = (negative ? "-" : "") + (whole.TrimStart('0') is { Length: > 0 } w ? w : "0");
            text += fraction.Length > 0 ? "." + new string(fraction) : "";
            return text + (form == 0 ? "" : (form == 1 ? "e" : "E+") + (form == 1 ? exponent : Math.Abs(exponent)).ToString(CultureInfo.InvariantCulture));
        }));

    private static readonly Gen<string> Text = Gen.Char["abcTokyo é日\"\\/\u0001\u2028"].Array[0, 8].Select(c => new string(c));

    /// <summary>A JSON string literal, sometimes with every character as a \u escape.</summary>
    public static readonly Gen<string> StringLiteral = Gen.Select(Text, Gen.Bool, (s, escapeAll) => escapeAll
        ? "\"" + string.Concat(s.Select(c => $"\\u{(int)c:x4}")) + "\""
        : JsonSerializer.Serialize(s));

    private static readonly Gen<string> Key = Gen.OneOf(
        Gen.OneOf<string>("\"city\"", "\"__entity\"", "\"__extn\"", "\"type\"", "\"id\"", "\"\"", "\"\\u0063ity\""),
        StringLiteral);

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (3, StringLiteral), (4, Number), (1, Gen.OneOf<string>("true", "false")), (2, Gen.Const("null")));

    /// <summary>Any JSON value up to four levels deep.</summary>
    public static readonly Gen<string> Value = At(4);

    /// <summary>A JSON object (tool arguments).</summary>
    public static readonly Gen<string> Object = ObjectOf(At(3));

    private static Gen<string> At(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency((3, Scalar), (1, ArrayOf(At(depth - 1))), (1, ObjectOf(At(depth - 1))));

    private static Gen<string> ArrayOf(Gen<string> element) => element.Array[0, 5].Select(items => "[" + string.Join(",", items) + "]");

    private static Gen<string> ObjectOf(Gen<string> value) => Gen.Select(Gen.Select(Key, value).Array[0, 5], Gen.Int[0, 9], (members, duplicate) =>
    {
        var text = new StringBuilder("{");
        for (var i = 0; i < members.Length; i++)
        {
            text.Append(i == 0 ? "" : ",").Append(members[i].Item1).Append(':').Append(members[i].Item2);
        }

        // One object in ten repeats its first key (parsers disagree on which one counts).
        if (duplicate == 0 && members.Length > 0)
        {
            text.Append(',').Append(members[0].Item1).Append(":1");
        }

        return text.Append('}').ToString();
    });
}
