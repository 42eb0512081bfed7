using System.Globalization;

namespace AgentGateway.Configuration;

/// <summary>Durations in config are short strings: <c>250ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1d</c>.</summary>
public static class Duration
{
    /// <summary>Parses a duration or returns false.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var unitStart = 0;
        while (unitStart < s.Length && (char.IsDigit(s[unitStart]) || s[unitStart] == '.'))
        {
            unitStart++;
        }

        if (unitStart == 0 || !double.TryParse(s.AsSpan(0, unitStart), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        TimeSpan? result = s[unitStart..] switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            "d" => TimeSpan.FromDays(n),
            _ => null,
        };
        value = result ?? default;
        return result is not null;
    }

    /// <summary>Parses a duration; throws <see cref="FormatException"/> on bad input (validators should use TryParse).</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a duration (use e.g. 250ms, 30s, 5m, 1h)");
}
