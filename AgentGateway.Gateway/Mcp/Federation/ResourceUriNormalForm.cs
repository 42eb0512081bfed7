using System.Text;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// A resource URI in the normal form RFC 3986 §6.2.2 makes equivalent for every server: scheme and host in lower case,
/// percent-encodings in upper-case hex, and percent-encoded unreserved characters decoded. Servers may treat the
/// spellings alike (the C# SDK's match URIs without regard to case), so a <c>read_resource</c> decision is also taken
/// on this form: a policy on <c>note://readme</c> then holds against <c>NOTE://readme</c>, <c>note://README</c> and
/// <c>note://read%6De</c>. Paths keep their case (they are case-sensitive in the RFC; see docs/mcp.md).
/// </summary>
internal static class ResourceUriNormalForm
{
    public static string Of(string uri)
    {
        var text = PercentNormalized(uri);
        var schemeEnd = SchemeLength(text);
        if (schemeEnd == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text.AsSpan(0, schemeEnd).ToString().ToLowerInvariant()).Append(':');
        var rest = text.AsSpan(schemeEnd + 1);
        if (!rest.StartsWith("//"))
        {
            return builder.Append(rest).ToString();
        }

        var authorityLength = rest[2..].IndexOfAny('/', '?', '#');
        var authority = authorityLength < 0 ? rest[2..] : rest.Slice(2, authorityLength);
        // userinfo is case-sensitive; the host (and port digits) are not
        var at = authority.LastIndexOf('@');
        builder.Append("//").Append(authority[..(at + 1)]).Append(authority[(at + 1)..].ToString().ToLowerInvariant());
        return builder.Append(rest[(2 + authority.Length)..]).ToString();
    }

    /// <summary>The length of a valid scheme (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )) before the first ':'; 0 when there is none.</summary>
    private static int SchemeLength(string text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(text[0]))
        {
            return 0;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]) && text[i] is not ('+' or '-' or '.'))
            {
                return 0;
            }
        }

        return colon;
    }

    private static string PercentNormalized(string uri)
    {
        if (!uri.Contains('%'))
        {
            return uri;
        }

        var builder = new StringBuilder(uri.Length);
        for (var i = 0; i < uri.Length; i++)
        {
            if (uri[i] == '%' && i + 2 < uri.Length && char.IsAsciiHexDigit(uri[i + 1]) && char.IsAsciiHexDigit(uri[i + 2]))
            {
                var value = (char)Convert.ToByte(uri.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(value) || value is '-' or '.' or '_' or '~')
                {
                    builder.Append(value);
                }
                else
                {
                    builder.Append('%').Append(char.ToUpperInvariant(uri[i + 1])).Append(char.ToUpperInvariant(uri[i + 2]));
                }

                i += 2;
            }
            else
            {
                builder.Append(uri[i]);
            }
        }

        return builder.ToString();
    }
}
