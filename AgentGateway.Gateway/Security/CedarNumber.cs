using System.Globalization;
using AgentGateway.Cedar;

namespace AgentGateway.Security;

/// <summary>The Cedar form of a JSON number (see <see cref="CedarValues"/>), computed from its digits, never via floating point.</summary>
internal static class CedarNumber
{
    /// <summary>
    /// A JSON number: a 64-bit integer stays a <c>Long</c>; a number that <c>decimal</c> holds exactly becomes one;
    /// anything else keeps its exact text as a string (never a rounded value a policy could be fooled by).
    /// </summary>
    public static CedarValue From(string text, bool integerForm)
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
}
