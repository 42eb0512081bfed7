using System.Globalization;
using System.Text;

namespace AgentGateway.Cedar.Parsing;

/// <summary>String literal escapes as Cedar (and Rust) define them, shared by policies and schemas.</summary>
internal static class CedarText
{
    /// <summary>Decodes the raw text between the quotes; <paramref name="pattern"/> keeps <c>\*</c> as a literal star marker.</summary>
    /// <returns>The decoded text, or null with <paramref name="error"/> set.</returns>
    public static string? Unescape(string raw, out string? error, List<bool>? pattern = null)
    {
        error = null;
        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c != '\\')
            {
                Append(sb, pattern, c.ToString(), c == '*');
                continue;
            }

            if (++i >= raw.Length)
            {
                error = "string ends in a lone backslash";
                return null;
            }

            switch (raw[i])
            {
                case 'n': Append(sb, pattern, "\n", false); break;
                case 'r': Append(sb, pattern, "\r", false); break;
                case 't': Append(sb, pattern, "\t", false); break;
                case '\\': Append(sb, pattern, "\\", false); break;
                case '0': Append(sb, pattern, "\0", false); break;
                case '\'': Append(sb, pattern, "'", false); break;
                case '"': Append(sb, pattern, "\"", false); break;
                case '*' when pattern is not null: Append(sb, pattern, "*", false); break;
                case '\n':
                    // A backslash before a newline continues the line, skipping leading whitespace.
                    while (i + 1 < raw.Length && raw[i + 1] is ' ' or '\t' or '\n' or '\r')
                    {
                        i++;
                    }

                    break;
                case 'x':
                    if (i + 2 >= raw.Length || !char.IsAsciiHexDigit(raw[i + 1]) || !char.IsAsciiHexDigit(raw[i + 2]) ||
                        int.Parse(raw.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) > 0x7F)
                    {
                        error = "invalid \\x escape";
                        return null;
                    }

                    Append(sb, pattern, ((char)int.Parse(raw.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)).ToString(), false);
                    i += 2;
                    break;
                case 'u':
                    var close = raw.IndexOf('}', i);
                    if (i + 1 >= raw.Length || raw[i + 1] != '{' || close < 0)
                    {
                        error = "invalid \\u escape";
                        return null;
                    }

                    var hex = raw[(i + 2)..close].Replace("_", "", StringComparison.Ordinal);
                    if (hex.Length is 0 or > 6 || raw[i + 2] == '_' || !hex.All(char.IsAsciiHexDigit) ||
                        !int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var cp) ||
                        cp > 0x10FFFF || cp is >= 0xD800 and <= 0xDFFF)
                    {
                        error = "invalid \\u escape";
                        return null;
                    }

                    Append(sb, pattern, char.ConvertFromUtf32(cp), false);
                    i = close;
                    break;
                default:
                    error = $"invalid escape \\{raw[i]}";
                    return null;
            }
        }

        return sb.ToString();
    }

    /// <summary>Renders a string as a Cedar literal (for messages and ToString only).</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            _ = c switch
            {
                '"' => sb.Append("\\\""),
                '\\' => sb.Append("\\\\"),
                '\n' => sb.Append("\\n"),
                < ' ' => sb.Append(CultureInfo.InvariantCulture, $"\\u{{{(int)c:x}}}"),
                _ => sb.Append(c),
            };
        }

        return sb.Append('"').ToString();
    }

    private static void Append(StringBuilder sb, List<bool>? wildcards, string text, bool isWildcard)
    {
        sb.Append(text);
        if (wildcards is not null)
        {
            foreach (var _ in text)
            {
                wildcards.Add(isWildcard);
            }
        }
    }
}
