using System.Globalization;
using System.Numerics;
using System.Text.Json;
using AgentGateway.Security;
using AgentGateway.Cedar;
using CsCheck;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// Property: whatever JSON a client sends, the Cedar conversion either presents all of it faithfully (every key with a
/// non-null value is there, with the documented form) or refuses it with <see cref="CedarValueException"/> because an
/// object repeats a key — it never throws anything else and never leaves an attribute out silently.
/// </summary>
public sealed class CedarValuePropertyTests
{
    [Fact]
    public void ArbitraryJson_IsPresentedInFull_OrRefusedOnlyForADuplicateKey()
    {
        CedarJsonGen.Value.Sample(text =>
        {
            using var document = JsonDocument.Parse(text);
            var duplicate = HasDuplicateKey(document.RootElement);
            CedarValue? value;
            try
            {
                value = CedarValues.FromJson(document.RootElement);
            }
            catch (CedarValueException)
            {
                Assert.True(duplicate, $"refused without a duplicate key: {text}");
                return;
            }

            Assert.False(duplicate, $"a duplicate key was accepted: {text}");
            AssertFaithful(document.RootElement, value);
        }, iter: 3000, threads: 1);
    }

    [Fact]
    public void ArbitraryToolArguments_AsRequestContext_KeepTheArgumentsAttribute()
    {
        CedarJsonGen.Object.Sample(text =>
        {
            using var document = JsonDocument.Parse(text);
            Dictionary<string, CedarValue> context;
            try
            {
                context = CedarValues.Record(new Dictionary<string, object?> { ["route"] = "r", ["arguments"] = document.RootElement });
            }
            catch (CedarValueException)
            {
                Assert.True(HasDuplicateKey(document.RootElement), text);
                return;
            }

            AssertFaithful(document.RootElement, Assert.IsType<CedarRecord>(context["arguments"]));
        }, iter: 2000, threads: 1);
    }

    private static bool HasDuplicateKey(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).Any(g => g.Count() > 1)
            || e.EnumerateObject().Any(p => HasDuplicateKey(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().Any(HasDuplicateKey),
        _ => false,
    };

    private static void AssertFaithful(JsonElement e, CedarValue? value)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Null:
                Assert.Null(value);
                break;
            case JsonValueKind.String:
                Assert.Equal(new CedarString(e.GetString()!), value);
                break;
            case JsonValueKind.True or JsonValueKind.False:
                Assert.Equal(CedarBool.Of(e.GetBoolean()), value);
                break;
            case JsonValueKind.Number:
                AssertNumber(e.GetRawText(), e.TryGetInt64(out var l) ? l : null, value);
                break;
            case JsonValueKind.Array:
                var set = Assert.IsType<CedarSet>(value);
                var members = e.EnumerateArray().Where(x => x.ValueKind != JsonValueKind.Null).Select(x =>
                {
                    var converted = CedarValues.FromJson(x);
                    AssertFaithful(x, converted);
                    return converted!;
                }).ToHashSet();
                Assert.Equal(members.Count, set.Count);
                Assert.All(members, m => Assert.True(set.Contains(m)));
                break;
            default:
                var record = Assert.IsType<CedarRecord>(value);
                var present = e.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                Assert.Equal(present.Order(StringComparer.Ordinal), record.Attributes.Keys.Order(StringComparer.Ordinal));
                foreach (var property in e.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null))
                {
                    AssertFaithful(property.Value, record.Attributes[property.Name]);
                }

                break;
        }
    }

    /// <summary>Checks a number against an independent exact reading (BigInteger mantissa and exponent).</summary>
    private static void AssertNumber(string raw, long? integer, CedarValue? value)
    {
        if (integer is { } l)
        {
            Assert.Equal(CedarLong.Of(l), value);
            return;
        }

        var scaled = ScaledBy10000(raw);
        if (scaled is { } s && s >= long.MinValue && s <= long.MaxValue && !IsIntegerForm(raw))
        {
            Assert.Equal(new CedarDecimal((long)s), value);
        }
        else
        {
            Assert.Equal(new CedarString(raw), value);
        }
    }

    private static bool IsIntegerForm(string raw) => !raw.Contains('.', StringComparison.Ordinal) && !raw.Contains('e', StringComparison.OrdinalIgnoreCase);

    /// <summary>value × 10⁴ when that is a whole number (exponents here stay small enough for BigInteger.Pow).</summary>
    private static BigInteger? ScaledBy10000(string raw)
    {
        var e = raw.IndexOfAny(['e', 'E']);
        var exponent = e < 0 ? 0 : int.Parse(raw[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? raw : raw[..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var fraction = dot < 0 ? 0 : mantissa.Length - dot - 1;
        var digits = BigInteger.Parse(mantissa.Replace(".", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (digits.IsZero)
        {
            return BigInteger.Zero;
        }

        var scale = exponent - fraction + 4;
        if (scale >= 0)
        {
            return scale > 40 ? null : digits * BigInteger.Pow(10, scale);
        }

        var divisor = BigInteger.Pow(10, -scale);
        return BigInteger.Remainder(digits, divisor).IsZero ? digits / divisor : null;
    }
}
