using System.Text.Json;

namespace AgentGateway.Llm.Cache;

/// <summary>
/// Whether captured bytes are a whole, successful answer worth storing. A stream counts only when it ended with its
/// API's closing event (<c>data: [DONE]</c>, <c>message_stop</c>, <c>response.completed</c>) and carried no error
/// event: a provider that broke off, or an error the gateway appended mid-stream, is never replayed.
/// </summary>
internal static class CompleteAnswer
{
    public static bool Check(string operation, string? contentType, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty || contentType is null)
        {
            return false;
        }

        if (contentType.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            return IsCompleteStream(operation, body);
        }

        return contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) && IsAnswerObject(body);
    }

    private static bool IsCompleteStream(string operation, ReadOnlySpan<byte> sse)
    {
        string? lastEvent = null;
        Range lastData = default;
        var position = 0;
        while (position < sse.Length)
        {
            var name = NextEvent(sse, ref position, out var dataRange);
            var data = sse[dataRange];
            if (name is null && data.IsEmpty)
            {
                continue;
            }

            if (name is "error" or "response.failed" || (data.IndexOf("\"error\""u8) >= 0 && IsError(data)))
            {
                return false;
            }

            lastEvent = name;
            lastData = dataRange;
        }

        return operation switch
        {
            "messages" => lastEvent == "message_stop" || TypeIs(sse[lastData], "message_stop"),
            "responses" => lastEvent == "response.completed" || TypeIs(sse[lastData], "response.completed"),
            _ => sse[lastData].SequenceEqual("[DONE]"u8),
        };
    }

    /// <summary>Reads the event at <paramref name="position"/>: its name and where its data is (one data line is all our writers and providers send).</summary>
    private static string? NextEvent(ReadOnlySpan<byte> sse, ref int position, out Range data)
    {
        string? name = null;
        data = default;
        while (position < sse.Length)
        {
            var lineStart = position;
            var nl = sse[position..].IndexOf((byte)'\n');
            var lineEnd = nl < 0 ? sse.Length : position + nl;
            position = nl < 0 ? sse.Length : lineEnd + 1;
            if (lineEnd > lineStart && sse[lineEnd - 1] == (byte)'\r')
            {
                lineEnd--;
            }

            var line = sse[lineStart..lineEnd];
            if (line.IsEmpty)
            {
                break;
            }

            if (line.StartsWith("event:"u8))
            {
                name = System.Text.Encoding.UTF8.GetString(line[6..]).Trim();
            }
            else if (line.StartsWith("data:"u8))
            {
                var offset = line.Length > 5 && line[5] == (byte)' ' ? 6 : 5;
                data = new Range(lineStart + offset, lineEnd);
            }
        }

        return name;
    }

    private static bool IsAnswerObject(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            return doc.RootElement.ValueKind == JsonValueKind.Object && !HasError(doc.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsError(ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new Utf8JsonReader(data);
            using var doc = JsonDocument.ParseValue(ref reader);
            return doc.RootElement.ValueKind == JsonValueKind.Object && HasError(doc.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // An OpenAI {"error": {...}} or an Anthropic {"type": "error", ...}; Responses objects carry "error": null.
    private static bool HasError(JsonElement root) =>
        (root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        || (root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals("error"));

    private static bool TypeIs(ReadOnlySpan<byte> data, string type)
    {
        try
        {
            var reader = new Utf8JsonReader(data);
            using var doc = JsonDocument.ParseValue(ref reader);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.ValueEquals(type);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
