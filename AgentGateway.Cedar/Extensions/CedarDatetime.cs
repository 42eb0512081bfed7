using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentGateway.Cedar.Extensions;

/// <summary>The <c>datetime</c> extension: milliseconds since the Unix epoch (UTC).</summary>
internal sealed partial class CedarDatetime(long epochMs) : CedarValue
{
    public const long DayMs = 86_400_000;

    public long EpochMs { get; } = epochMs;

    public override CedarType Type => CedarType.Datetime;

    /// <summary>Parses <c>YYYY-MM-DD</c> optionally followed by <c>Thh:mm:ss</c> and <c>Z</c>, <c>.SSSZ</c> or an offset <c>(+|-)hhmm</c>.</summary>
    public static CedarDatetime? TryParse(string text, out string? error)
    {
        error = null;
        var m = Shape().Match(text);
        if (!m.Success)
        {
            error = $"invalid datetime `{text}`";
            return null;
        }

        int Num(int g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        var (year, month, day) = (Num(1), Num(2), Num(3));
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) || (year == 0 && !ValidYearZero(month, day)))
        {
            error = $"invalid date in `{text}`";
            return null;
        }

        long ms = 0;
        if (m.Groups[4].Success)
        {
            var (h, min, s) = (Num(5), Num(6), Num(7));
            if (h > 23 || min > 59 || s > 59)
            {
                error = $"invalid time in `{text}`";
                return null;
            }

            ms = ((h * 60L + min) * 60 + s) * 1000 + (m.Groups[8].Success ? Num(8) : 0);
            if (m.Groups[10].Success)
            {
                var (oh, om) = (Num(11), Num(12));
                if (oh >= 24 || om >= 60)
                {
                    error = $"invalid offset in `{text}`";
                    return null;
                }

                var offset = (oh * 3600L + om * 60) * 1000;
                ms -= m.Groups[10].Value == "+" ? offset : -offset;
            }
        }

        return new CedarDatetime(DaysFromCivil(year, month, day) * DayMs + ms);
    }

    public override bool Equals(CedarValue? other) => other is CedarDatetime d && d.EpochMs == EpochMs;

    public override int GetHashCode() => HashCode.Combine(CedarType.Datetime, EpochMs);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"datetime({EpochMs}ms)");

    // Year 0 is a leap year in the proleptic Gregorian calendar (DateTime cannot represent it).
    private static bool ValidYearZero(int month, int day) => day <= (month == 2 ? 29 : DateTime.DaysInMonth(2000, month));

    /// <summary>Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).</summary>
    private static long DaysFromCivil(long y, int m, int d)
    {
        y -= m <= 2 ? 1 : 0;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - era * 400;
        var doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        var doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})-([0-9]{2})(T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{3}))?(Z|([+-])([0-9]{2})([0-9]{2})))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
