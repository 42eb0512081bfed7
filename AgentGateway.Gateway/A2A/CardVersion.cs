using Microsoft.Extensions.Primitives;

namespace AgentGateway.A2A;

/// <summary>
/// The card cache's version key: the <c>A2A-Version</c> a caller asked for, reduced to a version the gateway speaks.
/// </summary>
internal static class CardVersion
{
    /// <summary>
    /// <c>""</c> when absent (0.3 by the spec, but agents may answer an absent header differently, so it keeps its own
    /// entry), <c>0.3</c> or <c>1.0</c> (a patch number is ignored: <c>1.0.2</c> → <c>1.0</c>), or null for anything
    /// else: such a card is fetched as asked and not cached.
    /// </summary>
    public static string? Of(StringValues header)
    {
        if (header.Count == 0 || (header.Count == 1 && string.IsNullOrWhiteSpace(header[0])))
        {
            return "";
        }

        if (header.Count > 1)
        {
            return null;
        }

        var parts = header[0]!.Trim().Split('.');
        if (parts.Length is < 2 or > 3 || !parts.All(p => p.Length is > 0 and <= 4 && p.All(char.IsAsciiDigit)))
        {
            return null;
        }

        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)) switch
        {
            (0, 3) => "0.3",
            (1, 0) => "1.0",
            _ => null,
        };
    }
}
