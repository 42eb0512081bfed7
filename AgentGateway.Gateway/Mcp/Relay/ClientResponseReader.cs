using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Relay;

/// <summary>
/// Recognises a client POST that carries a JSON-RPC response (the answer to a sampling, elicitation or roots
/// request the gateway sent) without consuming the body: anything else is rewound and left to the SDK.
/// </summary>
internal static class ClientResponseReader
{
    /// <summary>The response or error in the body, or null when the POST is a request, a notification or not JSON-RPC.</summary>
    public static async ValueTask<JsonRpcMessageWithId?> TryReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method) || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        request.Body.Position = 0;
        return LooksLikeResponse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) ? Parse(buffer) : null;
    }

    /// <summary>A top-level object with an id and a result or error and no method: cheap to check, no allocation.</summary>
    private static bool LooksLikeResponse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            bool hasId = false, hasOutcome = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("method"u8))
                {
                    return false;
                }

                hasId |= reader.ValueTextEquals("id"u8);
                hasOutcome |= reader.ValueTextEquals("result"u8) || reader.ValueTextEquals("error"u8);
                reader.Read();
                reader.Skip();
            }

            return hasId && hasOutcome;
        }
        catch (JsonException)
        {
            return false; // the SDK answers malformed bodies with its own JSON-RPC error
        }
    }

    private static JsonRpcMessageWithId? Parse(MemoryStream buffer)
    {
        try
        {
            return JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length),
                McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage))) as JsonRpcMessageWithId;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
