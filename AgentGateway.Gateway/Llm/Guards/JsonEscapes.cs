using System.Globalization;
using System.Text;

namespace AgentGateway.Llm.Guards;

/// <summary>
/// Decodes JSON string escapes found in plain text (<c>\u002d</c>, <c>\"</c>, <c>\\</c>, <c>\n</c>), without needing
/// the text to be valid JSON: a model reads JSON text inside a string (tool arguments) with its escapes resolved,
/// whatever the depth or shape of that JSON. Malformed escapes stay as written; unpaired surrogates become U+FFFD.
/// </summary>
internal static class JsonEscapes
{
    public static string Decode(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= text.Length)
            {
                builder.Append(c);
                continue;
            }

            var next = text[i + 1];
            switch (next)
            {
                case '"' or '\\' or '/':
                    builder.Append(next);
                    i++;
                    break;
                case 'n' or 'r' or 't' or 'b' or 'f':
                    builder.Append(next switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' => '\b', _ => '\f' });
                    i++;
                    break;
                case 'u' when TryHex(text, i + 2, out var code):
                    builder.Append((char)code);
                    i += 5;
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return ReplaceUnpairedSurrogates(builder);
    }

    private static bool TryHex(string text, int start, out int code)
    {
        code = 0;
        return start + 4 <= text.Length
            && int.TryParse(text.AsSpan(start, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code);
    }

    private static string ReplaceUnpairedSurrogates(StringBuilder builder)
    {
        for (var i = 0; i < builder.Length; i++)
        {
            if (char.IsHighSurrogate(builder[i]) && i + 1 < builder.Length && char.IsLowSurrogate(builder[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(builder[i]))
            {
                builder[i] = '\uFFFD';
            }
        }

        return builder.ToString();
    }
}
