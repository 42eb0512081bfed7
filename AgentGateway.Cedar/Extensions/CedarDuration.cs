using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentGateway.Cedar.Extensions;

/// <summary>The <c>duration</c> extension: a signed number of milliseconds.</summary>
internal sealed partial class CedarDuration(long ms) : CedarValue
{
    public long Ms { get; } = ms;

    public override CedarType Type => CedarType.Duration;

    /// <summary>Parses e.g. <c>-1d2h3m4s5ms</c>: units in that order, each at most once, at least one.</summary>
    public static CedarDuration? TryParse(string text, out string? error)
    {
        error = null;
        var m = Shape().Match(text);
        if (text.Length == 0 || text == "-" || !m.Success)
        {
            error = $"invalid duration `{text}`";
            return null;
        }

        Int128 total = 0;
        ReadOnlySpan<long> unit = [86_400_000, 3_600_000, 60_000, 1000, 1];
        for (var i = 0; i < 5; i++)
        {
            var g = m.Groups[i + 1];
            if (!g.Success)
            {
                continue;
            }

            if (!ulong.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > long.MaxValue)
            {
                error = "duration overflows";
                return null;
            }

            total += (Int128)n * unit[i];
        }

        if (text[0] == '-')
        {
            total = -total;
        }

        if (total > long.MaxValue || total < long.MinValue)
        {
            error = "duration overflows";
            return null;
        }

        return new CedarDuration((long)total);
    }

    public override bool Equals(CedarValue? other) => other is CedarDuration d && d.Ms == Ms;

    public override int GetHashCode() => HashCode.Combine(CedarType.Duration, Ms);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"duration(\"{Ms}ms\")");

    [GeneratedRegex(@"^-?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
