using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentGateway.Mcp.Federation;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Forwarding;

/// <summary>
/// The request sent to the target: the gateway's own request id (the target's session is shared by many clients, so
/// client ids would collide), the target's name, URI or completion reference, the client's other params (arguments,
/// completion argument and context) copied as they came, and the <c>_meta</c> the SDK path sends (see
/// <see cref="Federation.UpstreamMeta"/>) with the gateway's progress token.
/// </summary>
internal static class UpstreamCall
{
    /// <summary>This process's part of every forwarded request id (a target's session may be shared with other replicas' calls).</summary>
    private static readonly string IdPrefix = "agw-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) + "-";

    private static long _lastId;

    /// <summary>
    /// A request id no other call on the target's session has: this process's random prefix and a counter (no random
    /// draw per call). Never the shape of the SDK path's ids (<c>agw-</c> and 32 hex digits, no second dash).
    /// </summary>
    public static string NewRequestId()
    {
        Span<char> digits = stackalloc char[20];
        Interlocked.Increment(ref _lastId).TryFormat(digits, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        return string.Concat(IdPrefix, digits[..written]);
    }

    /// <summary>
    /// The upstream body; <c>_meta</c> written straight from the client's (see <see cref="UpstreamMeta.Write"/>), with
    /// <paramref name="progressToken"/> (the gateway's) when the client asked for progress.
    /// </summary>
    public static byte[] Build(string requestId, ForwardedRequest request, string upstreamName, string? progressToken)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc"u8, "2.0"u8);
            json.WriteString("id"u8, requestId);
            json.WriteString("method"u8, request.Method);
            json.WriteStartObject("params"u8);
            WriteTarget(json, request, upstreamName);
            foreach (var (key, value) in request.Copied())
            {
                json.WritePropertyName(key);
                value.WriteTo(json);
            }

            UpstreamMeta.Write(json, request.Meta, progressToken);

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>What federation rewrites: the name, the URI, or the completion's reference (as the SDK path builds it).</summary>
    private static void WriteTarget(Utf8JsonWriter json, ForwardedRequest request, string upstreamName)
    {
        switch (request.Method)
        {
            case RequestMethods.ResourcesRead:
                json.WriteString("uri"u8, upstreamName);
                break;
            case RequestMethods.CompletionComplete:
                json.WriteStartObject("ref"u8);
                json.WriteString("type"u8, request.PromptReference ? "ref/prompt"u8 : "ref/resource"u8);
                json.WriteString(request.PromptReference ? "name"u8 : "uri"u8, upstreamName);
                if (request.ReferenceTitle is { } title)
                {
                    json.WriteString("title"u8, title);
                }

                json.WriteEndObject();
                break;
            default:
                json.WriteString("name"u8, upstreamName);
                break;
        }
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
