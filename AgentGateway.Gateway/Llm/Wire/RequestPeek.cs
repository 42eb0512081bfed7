using System.Text.Json;

namespace AgentGateway.Llm.Wire;

/// <summary>
/// What byte passthrough needs from a request body (the top-level <c>model</c> and <c>stream</c>), read in one
/// forward pass with <see cref="Utf8JsonReader"/> instead of a <see cref="System.Text.Json.Nodes.JsonObject"/>.
/// </summary>
/// <remarks>
/// It answers only for bodies the full reader would accept at the same points: anything it is not sure of
/// (malformed JSON, not an object, a missing or non-string model, a non-boolean stream, a duplicated key anywhere,
/// an escaped key, an escaped surrogate, an object too wide to check cheaply) returns false, and the caller takes
/// the full path, which then reports the error exactly as before.
/// </remarks>
internal static class RequestPeek
{
    // Open property names tracked for the duplicate-key check (start, length pairs), and keys per object.
    private const int MaxOpenNames = 256;
    private const int MaxKeysPerObject = 64;

    public static bool TryRead(ReadOnlySpan<byte> body, out string model, out bool stream)
    {
        (model, stream) = ("", false);
        try
        {
            return Scan(body, ref model, ref stream);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool Scan(ReadOnlySpan<byte> body, ref string model, ref bool stream)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        // names: (start, length) of the keys seen in each open object; counts: how many per depth.
        Span<int> names = stackalloc int[MaxOpenNames * 2];
        Span<int> counts = stackalloc int[65];
        var (open, depth) = (0, 0);
        counts[0] = 0;
        string? foundModel = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    counts[++depth] = 0;
                    break;
                case JsonTokenType.EndObject:
                    open -= counts[depth];
                    depth--;
                    break;
                case JsonTokenType.PropertyName:
                    if (reader.ValueIsEscaped || counts[depth] == MaxKeysPerObject || open == MaxOpenNames
                        || IsDuplicate(body, names.Slice((open - counts[depth]) * 2, counts[depth] * 2), reader.ValueSpan))
                    {
                        return false;
                    }

                    names[open * 2] = (int)reader.TokenStartIndex + 1;
                    names[(open * 2) + 1] = reader.ValueSpan.Length;
                    (open, counts[depth]) = (open + 1, counts[depth] + 1);
                    if (depth == 0 && !ReadTopLevel(ref reader, ref foundModel, ref stream))
                    {
                        return false;
                    }

                    break;
                case JsonTokenType.String when reader.ValueIsEscaped && HasSurrogateEscape(reader.ValueSpan):
                    // The full reader refuses an unpaired surrogate; a paired one is fine but rare enough to leave to it.
                    return false;
            }
        }

        // The loop ends after the root object: Read() threw on trailing bytes, or returned false at the end.
        if (string.IsNullOrEmpty(foundModel))
        {
            return false;
        }

        model = foundModel;
        return true;
    }

    /// <summary>On a top-level key: reads model and stream; leaves every other value to the main loop.</summary>
    private static bool ReadTopLevel(ref Utf8JsonReader reader, ref string? model, ref bool stream)
    {
        if (reader.ValueTextEquals("model"u8))
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
            {
                return false;
            }

            model = reader.GetString();
        }
        else if (reader.ValueTextEquals("stream"u8))
        {
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.True or JsonTokenType.False:
                    stream = reader.GetBoolean();
                    break;
                case JsonTokenType.Null:
                    stream = false;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static bool IsDuplicate(ReadOnlySpan<byte> body, ReadOnlySpan<int> seen, ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < seen.Length; i += 2)
        {
            if (seen[i + 1] == name.Length && body.Slice(seen[i], name.Length).SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the raw (escaped) string holds a <c>\uD800</c>–<c>\uDFFF</c> escape (an escaped backslash is not one).</summary>
    private static bool HasSurrogateEscape(ReadOnlySpan<byte> raw)
    {
        for (var at = raw.IndexOf((byte)'\\'); at >= 0 && at + 1 < raw.Length; at = raw.IndexOf((byte)'\\'))
        {
            if (raw[at + 1] == (byte)'u' && at + 3 < raw.Length && raw[at + 2] is (byte)'d' or (byte)'D' && IsHighHexDigit(raw[at + 3]))
            {
                return true;
            }

            // Past the escape's first two bytes: "\\" must not pair its second backslash with what follows.
            raw = raw[(at + 2)..];
        }

        return false;
    }

    private static bool IsHighHexDigit(byte b) => b is (byte)'8' or (byte)'9' or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F');
}
