using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGateway.Llm.Guards;

/// <summary>
/// Guards one string value of a request body, knowing the key it sits under: masks content, rejects a match in a
/// value that cannot be rewritten, and rejects what masking left visible in a form the patterns do not read
/// directly (JSON escapes inside the string, fullwidth and other lookalike characters, invisible format characters).
/// </summary>
internal static class GuardedText
{
    // Values the provider reads as identifiers or structure (tool and participant names, ids, roles, types, URLs,
    // binary data): rewriting part of one would break the request or point it elsewhere, so a match rejects.
    private static readonly HashSet<string> Verbatim = new(StringComparer.Ordinal)
    {
        "role", "type", "name", "id", "url", "image_url", "file_url", "data", "file_data", "media_type", "mime_type",
        "detail", "encoding_format", "format",
    };

    // Tool arguments and results are often JSON inside a string; a second pass covers JSON quoted twice.
    private const int MaxUnescape = 2;

    // Below this a "data" value is not treated as an opaque binary payload, however it looks.
    private const int MinBase64Length = 256;

    public static string Apply(string text, string key, JsonObject parent, GuardSet guards)
    {
        if (IsBinaryPayload(text, key, parent))
        {
            // Base64 image, audio or file bytes: regexes over them find only accidental matches, never text.
            return text;
        }

        string result;
        if (IsVerbatim(key))
        {
            guards.EnsureClean(text);
            result = text;
        }
        else
        {
            result = guards.Apply(text);
        }

        EnsureNoHiddenMatch(result, guards);
        return result;
    }

    private static bool IsVerbatim(string key) =>
        Verbatim.Contains(key) || key.EndsWith("_id", StringComparison.Ordinal) || key.EndsWith("_url", StringComparison.Ordinal);

    /// <summary>Rejects when what the model will read still matches after masking, in a form the raw text hides.</summary>
    private static void EnsureNoHiddenMatch(string text, GuardSet guards)
    {
        var view = text;
        for (var pass = 0; pass <= MaxUnescape; pass++)
        {
            if (pass > 0)
            {
                // JSON escapes inside a string (tool arguments are JSON text): \u002d is a '-' to the model.
                if (!view.Contains('\\', StringComparison.Ordinal))
                {
                    return;
                }

                view = JsonEscapes.Decode(view);
                guards.EnsureClean(view);
            }

            if (!Ascii.IsValid(view))
            {
                guards.EnsureClean(Fold(view));
            }
        }
    }

    /// <summary>
    /// Folds lookalikes to what the patterns expect: fullwidth forms to ASCII, every dash to '-', every space to ' ',
    /// every decimal digit to 0-9, and drops invisible format characters (zero-width spaces, soft hyphens). Written
    /// out rather than NFKC because the gateway runs with invariant globalization, where normalization is not done.
    /// </summary>
    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format)
            {
                continue;
            }

            builder.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                _ when category == UnicodeCategory.DashPunctuation => '-',
                _ when category == UnicodeCategory.SpaceSeparator => ' ',
                > '9' when category == UnicodeCategory.DecimalDigitNumber => (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c)),
                _ => c,
            });
        }

        return builder.ToString();
    }

    private static bool IsBinaryPayload(string text, string key, JsonObject parent)
    {
        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            // data:image/png;base64,AAAA is bytes; a data: URL with anything but base64 after the comma is text.
            var comma = text.IndexOf(',', StringComparison.Ordinal);
            return comma > 0 && text.AsSpan(0, comma).EndsWith(";base64", StringComparison.OrdinalIgnoreCase) && IsBase64(text.AsSpan(comma + 1));
        }

        if (key is not ("data" or "file_data") || !IsBase64(text))
        {
            return false;
        }

        // Anthropic sources say so ({"type":"base64","data":...}); otherwise only a long value is taken for bytes.
        return (parent["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String && t.GetValue<string>() == "base64")
            || text.Length >= MinBase64Length;
    }

    /// <summary>Standard base64 only: the URL-safe alphabet has '-' and '_', which real text (an SSN) is made of.</summary>
    private static bool IsBase64(ReadOnlySpan<char> text)
    {
        var body = text.TrimEnd('=');
        return body.Length > 0 && text.Length - body.Length <= 2 && !body.ContainsAnyExcept(Base64Chars);
    }

    private static readonly System.Buffers.SearchValues<char> Base64Chars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
}
