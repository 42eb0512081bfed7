using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGateway.Mcp.Forwarding;

/// <summary>
/// The <c>tools/call</c> sent to the target: the gateway's own request id (the target's session is shared by many
/// clients, so client ids would collide), the target's name for the tool, the client's arguments copied as they came,
/// and the <c>_meta</c> the SDK path sends (see <see cref="Federation.UpstreamMeta"/>) with the gateway's progress token.
/// </summary>
internal static class UpstreamToolCall
{
    public static byte[] Build(string requestId, string upstreamName, JsonElement? arguments, JsonObject? meta)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc"u8, "2.0"u8);
            json.WriteString("id"u8, requestId);
            json.WriteString("method"u8, "tools/call"u8);
            json.WriteStartObject("params"u8);
            json.WriteString("name"u8, upstreamName);
            if (arguments is { } args)
            {
                json.WritePropertyName("arguments"u8);
                args.WriteTo(json);
            }

            if (meta is not null)
            {
                json.WritePropertyName("_meta"u8);
                meta.WriteTo(json);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The target's notification re-addressed to the client: its progress token becomes the client's.</summary>
    public static byte[] WithClientToken(ReadOnlySpan<byte> progress, JsonElement clientToken)
    {
        var node = JsonNode.Parse(progress)!.AsObject();
        node["params"]!["progressToken"] = JsonNode.Parse(clientToken.GetRawText());
        return JsonSerializer.SerializeToUtf8Bytes(node);
    }

    /// <summary>The target's progress token, when the message is a progress notification.</summary>
    public static string? ProgressTokenOf(ReadOnlySpan<byte> notification)
    {
        try
        {
            var node = JsonNode.Parse(notification);
            return node?["params"]?["progressToken"] is JsonValue token && token.TryGetValue<string>(out var s) ? s : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
