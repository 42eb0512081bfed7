using System.Text.Json;

namespace AgentGateway.Mcp.Forwarding;

/// <summary>What one JSON-RPC message from a target is, read without building a DOM.</summary>
internal enum UpstreamMessageKind
{
    Other,
    Response,
    Error,
    Request,
    Notification,
}

/// <summary>
/// One message a target sent on a forwarded call's stream, classified in one <see cref="Utf8JsonReader"/> pass over
/// its top level: its kind, where its <c>id</c> value sits (so the client's id can be spliced in without re-encoding
/// anything else), its method, and whether a tool result says <c>isError</c>.
/// </summary>
internal readonly record struct UpstreamMessage(UpstreamMessageKind Kind, string? Id, int IdStart, int IdEnd, string? Method, bool ToolError)
{
    public static UpstreamMessage Read(ReadOnlySpan<byte> json)
    {
        try
        {
            return ReadUnchecked(json);
        }
        catch (JsonException)
        {
            return default; // not JSON-RPC: Other
        }
    }

    private static UpstreamMessage ReadUnchecked(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return default;
        }

        string? id = null, method = null;
        int idStart = -1, idEnd = -1;
        bool hasResult = false, hasError = false, toolError = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                idStart = (int)reader.TokenStartIndex;
                id = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => reader.TryGetInt64(out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                    _ => null,
                };
                idEnd = (int)reader.BytesConsumed;
            }
            else if (reader.ValueTextEquals("method"u8))
            {
                reader.Read();
                method = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                hasResult = true;
                toolError = reader.TokenType == JsonTokenType.StartObject && ReadIsError(ref reader);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                hasError = true;
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        var kind = method is not null ? (id is not null ? UpstreamMessageKind.Request : UpstreamMessageKind.Notification)
            : id is null ? UpstreamMessageKind.Other
            : hasError ? UpstreamMessageKind.Error
            : hasResult ? UpstreamMessageKind.Response
            : UpstreamMessageKind.Other;
        return new UpstreamMessage(kind, id, idStart, idEnd, method, toolError);
    }

    /// <summary>Reads a result object to its end; true when it has <c>"isError": true</c> at its top level.</summary>
    private static bool ReadIsError(ref Utf8JsonReader reader)
    {
        var isError = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var named = reader.ValueTextEquals("isError"u8);
            reader.Read();
            if (named && reader.TokenType == JsonTokenType.True)
            {
                isError = true;
            }

            reader.Skip();
        }

        return isError;
    }

    /// <summary>The message with its top-level id value replaced by <paramref name="clientId"/> (raw JSON); nothing else changes.</summary>
    public byte[] WithId(ReadOnlySpan<byte> json, ReadOnlySpan<byte> clientId)
    {
        var result = new byte[json.Length - (IdEnd - IdStart) + clientId.Length];
        json[..IdStart].CopyTo(result);
        clientId.CopyTo(result.AsSpan(IdStart));
        json[IdEnd..].CopyTo(result.AsSpan(IdStart + clientId.Length));
        return result;
    }
}
