namespace AgentGateway.Llm;

/// <summary>Parses provider timeouts (<c>30s</c>, <c>2m</c>, <c>250ms</c>).</summary>
internal static class LlmDurations
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        text = text.Trim();
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : text.EndsWith('h') ? (text[..^1], 3600.0)
            : (text, 1.0);
        if (!double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(n * unit);
        return true;
    }
}
