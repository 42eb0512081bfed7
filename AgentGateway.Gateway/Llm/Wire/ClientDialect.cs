using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>
/// One client-facing API (OpenAI chat completions, OpenAI Responses, Anthropic messages). Picked once per request
/// from the path; everything that differs between the APIs lives here — how a request is read, how an answer, a
/// stream, usage and an error are written or read, and the response id prefix — so the pipeline never asks which
/// API it is serving.
/// </summary>
internal abstract class ClientDialect
{
    public static readonly ClientDialect ChatCompletions = new ChatCompletionsDialect();

    public static readonly ClientDialect Responses = new ResponsesDialect();

    public static readonly ClientDialect Messages = new MessagesDialect();

    /// <summary>The wire family: bytes pass through unchanged to a provider whose native API is the same.</summary>
    public abstract LlmApi Api { get; }

    /// <summary>The operation's path on a native provider, relative to its API root (<c>chat/completions</c>).</summary>
    public abstract string Operation { get; }

    /// <summary>Prefix of response ids (<c>chatcmpl-</c>, <c>resp_</c>, <c>msg_</c>).</summary>
    public abstract string IdPrefix { get; }

    /// <summary>Headers a native request needs when the client did not send them.</summary>
    public virtual IReadOnlyList<KeyValuePair<string, string>> DefaultHeaders => [];

    /// <summary>Bytes before the JSON of an error event written after a stream started.</summary>
    protected virtual byte[] StreamErrorPrefix { get; } = "data: "u8.ToArray();

    /// <summary>
    /// The dialect of a request path (any route prefix included): Anthropic shape under <c>/messages</c>, the
    /// Responses API on <c>/responses</c>, OpenAI chat completions for everything else (models, embeddings).
    /// </summary>
    public static ClientDialect ForPath(string? path)
    {
        var p = (path ?? "").TrimEnd('/');
        return p.EndsWith("/messages", StringComparison.Ordinal) || p.EndsWith("/messages/count_tokens", StringComparison.Ordinal) ? Messages
            : p.EndsWith("/responses", StringComparison.Ordinal) ? Responses
            : ChatCompletions;
    }

    /// <summary>Reads a request body; throws <see cref="LlmRequestException"/> (400) on a malformed one.</summary>
    public abstract ChatRequest Read(JsonObject body);

    /// <summary>Writes a complete (non-streaming) answer.</summary>
    public abstract void WriteResponse(Utf8JsonWriter w, string id, string model, string? text, IReadOnlyList<FunctionCallContent> calls, ChatFinishReason? finish, long inputTokens, long outputTokens);

    public abstract IChatStreamWriter CreateStreamWriter(HttpResponse response, string id, string model, ChatRequest request);

    /// <summary>A reader of usage from this API's passthrough bodies and stream events.</summary>
    public abstract UsageSniffer CreateUsageSniffer();

    /// <summary>The id of an answer: the provider's when it already has this API's prefix, a new one otherwise.</summary>
    public virtual string ResponseId(string? upstream) =>
        upstream is { Length: > 0 } && upstream.StartsWith(IdPrefix, StringComparison.Ordinal) ? upstream : IdPrefix + Guid.NewGuid().ToString("N");

    /// <summary>The error body in this API's own shape.</summary>
    public abstract byte[] SerializeError(int status, string message, string? param, string? code);

    public async Task WriteErrorAsync(HttpContext context, int status, string message, string? param = null, string? code = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.Body.WriteAsync(SerializeError(status, message, param, code), context.RequestAborted);
    }

    /// <summary>An error in the middle of a stream, after the status line has gone out.</summary>
    public async Task WriteStreamErrorAsync(HttpContext context, int status, string message)
    {
        var body = context.Response.Body;
        await body.WriteAsync(StreamErrorPrefix, context.RequestAborted);
        await body.WriteAsync(SerializeError(status, message, null, null), context.RequestAborted);
        await body.WriteAsync("\n\n"u8.ToArray(), context.RequestAborted);
        await body.FlushAsync(context.RequestAborted);
    }
}
