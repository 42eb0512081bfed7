using System.Globalization;

namespace AgentGateway.Cedar;

/// <summary>The <c>decimal</c> extension: a fixed-point number with four fractional digits, stored scaled by 10^4.</summary>
/// <param name="scaled">The value × 10⁴, e.g. 15000 for 1.5.</param>
public sealed class CedarDecimal(long scaled) : CedarValue
{
    private const int Digits = 4;

    /// <summary>The value × 10⁴ (<c>decimal("1.5")</c> is 15000).</summary>
    public long Scaled { get; } = scaled;

    /// <inheritdoc/>
    public override CedarType Type => CedarType.Decimal;

    /// <summary>Parses <c>-?digits.digits</c> (1-4 fractional digits); null with a reason on failure.</summary>
    public static CedarDecimal? TryParse(string text, out string? error)
    {
        error = null;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var negative = text.StartsWith('-');
        var intPart = dot < 0 ? "" : text[(negative ? 1 : 0)..dot];
        var fracPart = dot < 0 ? "" : text[(dot + 1)..];
        if (dot < 0 || intPart.Length == 0 || fracPart.Length == 0 || !AllDigits(intPart) || !AllDigits(fracPart))
        {
            error = $"`{text}` is not a well-formed decimal value";
            return null;
        }

        if (fracPart.Length > Digits)
        {
            error = $"too many digits after the decimal in `{text}`";
            return null;
        }

        // Mirrors the reference: integer part (with sign) scaled, then the fraction added away from zero.
        if (!long.TryParse(text[..dot], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            error = "overflow when converting to decimal";
            return null;
        }

        var frac = long.Parse(fracPart, CultureInfo.InvariantCulture) * Pow10(Digits - fracPart.Length);
        try
        {
            var scaled = checked(whole * 10000);
            scaled = negative ? checked(scaled - frac) : checked(scaled + frac);
            return new CedarDecimal(scaled);
        }
        catch (OverflowException)
        {
            error = "overflow when converting to decimal";
            return null;
        }
    }

    /// <inheritdoc/>
    public override bool Equals(CedarValue? other) => other is CedarDecimal d && d.Scaled == Scaled;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(CedarType.Decimal, Scaled);

    /// <inheritdoc/>
    public override string ToString()
    {
        var abs = Scaled < 0 ? -(Int128)Scaled : Scaled;
        var sign = Scaled < 0 ? "-" : "";
        return string.Create(CultureInfo.InvariantCulture, $"decimal(\"{sign}{abs / 10000}.{abs % 10000:D4}\")");
    }

    private static bool AllDigits(string s) => s.All(char.IsAsciiDigit);

    private static long Pow10(int n)
    {
        long r = 1;
        for (var i = 0; i < n; i++)
        {
            r *= 10;
        }

        return r;
    }
}
