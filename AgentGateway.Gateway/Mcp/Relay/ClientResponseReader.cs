using System.Buffers;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Relay;

/// <summary>
/// Recognises a client POST that carries a JSON-RPC response (the answer to a sampling, elicitation or roots
/// request the gateway sent) without consuming the body: it peeks at the request's pipe and leaves every byte
/// for the SDK. A request or notification is recognised by its <c>method</c>, usually within the first bytes,
/// so the common case neither waits for the whole body nor copies it.
/// </summary>
internal static class ClientResponseReader
{
    private enum Shape
    {
        NotAResponse,
        Response,
        NeedMore,
    }

    /// <summary>The response or error in the body, or null when the POST is a request, a notification or not JSON-RPC.</summary>
    public static async ValueTask<JsonRpcMessageWithId?> TryReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method) || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        var pipe = request.BodyReader;
        while (true)
        {
            var read = await pipe.ReadAsync(cancellationToken);
            var body = read.Buffer;
            var shape = Classify(body, read.IsCompleted);
            if (shape == Shape.NeedMore && !read.IsCompleted)
            {
                pipe.AdvanceTo(body.Start, body.End); // nothing consumed; wake up when more has arrived
                continue;
            }

            var answer = shape == Shape.Response ? Parse(body) : null;
            pipe.AdvanceTo(body.Start); // nothing consumed or examined: the SDK reads the body from the start
            return answer;
        }
    }

    /// <summary>A top-level object with an id and a result or error and no method: no allocation, stops at <c>method</c>.</summary>
    private static Shape Classify(ReadOnlySequence<byte> json, bool complete)
    {
        try
        {
            var reader = new Utf8JsonReader(json, isFinalBlock: complete, state: default);
            if (!reader.Read())
            {
                return complete ? Shape.NotAResponse : Shape.NeedMore;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Shape.NotAResponse;
            }

            bool hasId = false, hasOutcome = false;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    return hasId && hasOutcome ? Shape.Response : Shape.NotAResponse; // the end of the top-level object
                }

                if (reader.ValueTextEquals("method"u8))
                {
                    return Shape.NotAResponse;
                }

                hasId |= reader.ValueTextEquals("id"u8);
                hasOutcome |= reader.ValueTextEquals("result"u8) || reader.ValueTextEquals("error"u8);
                if (!reader.TrySkip())
                {
                    return Shape.NeedMore;
                }
            }

            return complete ? Shape.NotAResponse : Shape.NeedMore;
        }
        catch (JsonException)
        {
            return Shape.NotAResponse; // the SDK answers malformed bodies with its own JSON-RPC error
        }
    }

    private static JsonRpcMessageWithId? Parse(ReadOnlySequence<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            return JsonSerializer.Deserialize(ref reader, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage))) as JsonRpcMessageWithId;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
