using System.Text;

namespace AgentGateway.Routing;

/// <summary>
/// A request path reduced to one form, read from the request target exactly as the client sent it: every
/// percent-escape decoded once (as UTF-8), <c>.</c> and <c>..</c> segments resolved (RFC 3986 §5.2.4), then empty
/// segments (<c>//</c>) dropped. Kestrel's own <c>Request.Path</c> keeps <c>//</c> and cannot tell <c>%2F</c> from
/// <c>%252F</c>, so http routes authorize and forward this instead: the upstream receives exactly the path policies saw.
/// </summary>
internal sealed record CanonicalPath(IReadOnlyList<string> Segments, bool TrailingSlash, bool HasEncodedSeparator)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The decoded path, e.g. <c>/echo/Admin/x</c> (a segment may contain <c>/</c> when it was sent as <c>%2F</c>).</summary>
    public string Decoded => Segments.Count == 0 ? "/" : "/" + string.Join('/', Segments) + (TrailingSlash ? "/" : "");

    /// <summary>
    /// What Cedar sees as <c>resource.path</c>: <see cref="Decoded"/> lower-cased, because route matching ignores case
    /// and many upstreams do too; a policy that compares it with upper-case text never matches. (No Unicode
    /// normalisation: the gateway runs with invariant globalization, so non-ASCII is compared code point by code point.)
    /// </summary>
    public string ForPolicy => Decoded.ToLowerInvariant();

    /// <summary>
    /// Reads the path of a request target (origin form <c>/a/b?q</c> or absolute form <c>http://h/a/b?q</c>).
    /// Returns null with the reason when it has no single meaning: a malformed or NUL/control-character escape,
    /// bytes that are not UTF-8, a <c>..</c> that climbs above the root, or a target that is not a path.
    /// </summary>
    public static CanonicalPath? TryParse(string rawTarget, out string? error)
    {
        if (PathOf(rawTarget) is not { } path)
        {
            error = "the request target is not a path";
            return null;
        }

        var raw = path.Split('/');
        var stack = new List<string>(raw.Length);
        var encodedSeparator = false;
        var endsInDirectory = false;
        for (var i = 1; i < raw.Length; i++)
        {
            if (Decode(raw[i], ref encodedSeparator, out error) is not { } segment)
            {
                return null;
            }

            // "/a/", "/a/." and "/a/b/.." all name the directory "/a/" (RFC 3986 keeps the trailing slash).
            endsInDirectory = segment is "" or "." or "..";
            if (segment == "..")
            {
                if (stack.Count == 0)
                {
                    error = "'..' climbs above the root";
                    return null;
                }

                stack.RemoveAt(stack.Count - 1);
            }
            else if (segment != ".")
            {
                // Empty segments stay until the end so that ".." pops them as RFC 3986 (and Kestrel) do.
                stack.Add(segment);
            }
        }

        error = null;
        return new CanonicalPath(stack.Where(s => s.Length > 0).ToArray(), endsInDirectory, encodedSeparator);
    }

    /// <summary>The path for the upstream: <paramref name="prefixSegments"/> replaced by <paramref name="prefix"/>, each other segment percent-encoded.</summary>
    public string ToUriComponent(PathString prefix, int prefixSegments)
    {
        var builder = new StringBuilder(prefix.ToUriComponent());
        for (var i = prefixSegments; i < Segments.Count; i++)
        {
            builder.Append('/');
            AppendEncoded(builder, Segments[i]);
        }

        if (builder.Length == 0 || (TrailingSlash && Segments.Count > 0 && builder[^1] != '/'))
        {
            builder.Append('/');
        }

        return builder.ToString();
    }

    /// <summary>Whether the path begins with the segments of <paramref name="prefix"/> (case-insensitive, as routes match); their count.</summary>
    public bool StartsWith(PathString prefix, out int count)
    {
        var expected = (prefix.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        count = expected.Length;
        if (expected.Length > Segments.Count)
        {
            return false;
        }

        for (var i = 0; i < expected.Length; i++)
        {
            if (!string.Equals(expected[i], Segments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static string? PathOf(string target)
    {
        var end = target.IndexOf('?');
        var withoutQuery = end < 0 ? target : target[..end];
        if (withoutQuery.StartsWith('/'))
        {
            return withoutQuery;
        }

        // Absolute form (a proxy-style request line): the path starts at the first '/' after the authority.
        var scheme = withoutQuery.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && withoutQuery[..scheme] is var name
            && (name.Equals("http", StringComparison.OrdinalIgnoreCase) || name.Equals("https", StringComparison.OrdinalIgnoreCase)))
        {
            var slash = withoutQuery.IndexOf('/', scheme + 3);
            return slash < 0 ? "/" : withoutQuery[slash..];
        }

        return null;
    }

    private static string? Decode(string raw, ref bool encodedSeparator, out string? error)
    {
        error = null;
        if (raw.AsSpan().IndexOfAnyExceptInRange(' ', '~') < 0 && !raw.Contains('%') && !raw.Contains('\\'))
        {
            return raw;
        }

        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '%')
            {
                if (i + 2 >= raw.Length || !IsHex(raw[i + 1]) || !IsHex(raw[i + 2]))
                {
                    return Fail(out error, "the path has a malformed percent-escape");
                }

                var b = (byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2]));
                encodedSeparator |= b is (byte)'/' or (byte)'\\';
                bytes.Add(b);
                i += 2;
            }
            else if (c > 0x7F)
            {
                // Unescaped non-ASCII has no one reading (UTF-8 or Latin-1); clients escape it.
                return Fail(out error, "the request target has an unescaped non-ASCII character");
            }
            else
            {
                // A raw backslash is a separator to some servers (IIS, many Windows APIs) and a character to others.
                encodedSeparator |= c == '\\';
                bytes.Add((byte)c);
            }
        }

        string decoded;
        try
        {
            decoded = StrictUtf8.GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            return Fail(out error, "the path's escapes are not UTF-8");
        }

        return HasControl(decoded) ? Fail(out error, "the path contains a control character (e.g. %00)") : decoded;
    }

    private static bool HasControl(string s) => s.AsSpan().IndexOfAnyInRange('\0', '\x1F') >= 0 || s.Contains('\x7F');

    private static string? Fail(out string? error, string message)
    {
        error = message;
        return null;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    // RFC 3986 pchar: unreserved, sub-delims, ':' and '@' stay; everything else (including '/', '\' and '%') is escaped.
    private static void AppendEncoded(StringBuilder builder, string segment)
    {
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in segment.EnumerateRunes())
        {
            if (rune.IsAscii && IsPathChar((char)rune.Value))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < length; i++)
            {
                builder.Append('%').Append(utf8[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static bool IsPathChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '@';
}
