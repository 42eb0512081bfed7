using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// A pagination cursor across targets: which target the next page comes from and that target's own
/// cursor. Opaque to clients (base64url), so upstream cursors never leak in a form clients could edit meaningfully.
/// </summary>
internal readonly record struct CompositeCursor(int TargetIndex, string? UpstreamCursor)
{
    public string Encode()
    {
        var text = UpstreamCursor is null
            ? TargetIndex.ToString(CultureInfo.InvariantCulture)
            : string.Concat(TargetIndex.ToString(CultureInfo.InvariantCulture), ":", UpstreamCursor);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static bool TryDecode(string? cursor, out CompositeCursor result)
    {
        result = default;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var indexText = colon < 0 ? text : text[..colon];
        if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return false;
        }

        result = new CompositeCursor(index, colon < 0 ? null : text[(colon + 1)..]);
        return true;
    }
}
