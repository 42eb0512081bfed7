using System.Buffers;
using System.Text.Json;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>
/// Recognises a POST body that is exactly one JSON-RPC request for a complete list (method, id, and params holding
/// at most <c>_meta</c>) with one <see cref="Utf8JsonReader"/> pass, and returns the id as the client wrote it. Anything
/// else — a cursor, another key, a duplicate key, an escaped method name, a batch, malformed JSON — is not
/// recognised and is left to the SDK, which reports errors exactly as before.
/// </summary>
internal static class ListRequestPeek
{
    /// <summary>The request's method and its id's raw JSON, or null when the body is not such a request.</summary>
    public static (string Method, byte[] RawId)? TryRead(ReadOnlySequence<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? method = null;
            byte[]? rawId = null;
            var (sawVersion, sawParams) = (false, false);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueIsEscaped)
                {
                    return null;
                }

                if (reader.ValueTextEquals("jsonrpc"u8) && !sawVersion)
                {
                    sawVersion = reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("2.0"u8);
                    if (!sawVersion)
                    {
                        return null;
                    }
                }
                else if (reader.ValueTextEquals("id"u8) && rawId is null)
                {
                    if (!reader.Read() || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
                    {
                        return null;
                    }

                    var start = reader.TokenStartIndex;
                    rawId = body.Slice(start, reader.BytesConsumed - start).ToArray();
                }
                else if (reader.ValueTextEquals("method"u8) && method is null)
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
                    {
                        return null;
                    }

                    method = reader.GetString();
                }
                else if (reader.ValueTextEquals("params"u8) && !sawParams)
                {
                    sawParams = true;
                    if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !OnlyMeta(ref reader))
                    {
                        return null;
                    }
                }
                else
                {
                    return null;
                }
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read() && sawVersion && method is not null && rawId is not null
                ? (method, rawId)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads a params object that holds nothing but (at most one) <c>_meta</c>; the reader ends on its closing brace.</summary>
    private static bool OnlyMeta(ref Utf8JsonReader reader)
    {
        var sawMeta = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (sawMeta || reader.ValueIsEscaped || !reader.ValueTextEquals("_meta"u8))
            {
                return false;
            }

            sawMeta = true;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }
}
