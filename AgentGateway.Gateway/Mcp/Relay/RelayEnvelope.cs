using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Relay;

/// <summary>What travels over the relay channels: the client session a JSON-RPC message belongs to, and the message.</summary>
internal static class RelayEnvelope
{
    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo MessageType =
        McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    public static byte[] Write(string sessionId, JsonRpcMessage message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("session", sessionId);
            writer.WritePropertyName("message");
            JsonSerializer.Serialize(writer, message, MessageType);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The envelope's parts, or false for anything that is not one (a foreign publisher on our channel).</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out string sessionId, out JsonRpcMessage message)
    {
        sessionId = "";
        message = null!;
        try
        {
            var reader = new Utf8JsonReader(payload);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("session", out var session) || session.ValueKind != JsonValueKind.String
                || !document.RootElement.TryGetProperty("message", out var body)
                || body.Deserialize(MessageType) is not JsonRpcMessage parsed)
            {
                return false;
            }

            sessionId = session.GetString()!;
            message = parsed;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
