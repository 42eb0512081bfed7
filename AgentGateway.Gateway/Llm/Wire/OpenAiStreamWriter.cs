using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>
/// chat.completion.chunk events: finish_reason is null on every chunk but the last choice-bearing one; with
/// include_usage a final chunk carries usage and an empty choices array; the stream ends with <c>data: [DONE]</c>.
/// </summary>
internal sealed class OpenAiStreamWriter(HttpResponse response, string id, string model, bool includeUsage) : IChatStreamWriter
{
    private readonly SseWriter _sse = new(response);
    private readonly long _created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    private int _toolIndex;

    public Task StartAsync(Func<long> inputTokens, CancellationToken ct) =>
        ChunkAsync(w =>
        {
            w.WriteString("role", "assistant");
            w.WriteString("content", "");
        }, null, ct);

    public Task TextAsync(string text, CancellationToken ct) => ChunkAsync(w => w.WriteString("content", text), null, ct);

    public Task ToolCallAsync(FunctionCallContent call, CancellationToken ct)
    {
        var index = _toolIndex++;
        return ChunkAsync(w =>
        {
            w.WriteStartArray("tool_calls");
            w.WriteStartObject();
            w.WriteNumber("index", index);
            w.WriteString("id", call.CallId);
            w.WriteString("type", "function");
            w.WriteStartObject("function");
            w.WriteString("name", call.Name);
            w.WriteString("arguments", FinishReasons.ArgumentsJson(call));
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }, null, ct);
    }

    public async Task FinishAsync(ChatFinishReason? reason, long inputTokens, long outputTokens, CancellationToken ct)
    {
        await ChunkAsync(_ => { }, FinishReasons.OpenAi(reason), ct);
        if (includeUsage)
        {
            await _sse.WriteAsync(null, w =>
            {
                WriteHeader(w);
                w.WriteStartArray("choices");
                w.WriteEndArray();
                OpenAiResponseWriter.WriteUsage(w, inputTokens, outputTokens);
                w.WriteEndObject();
            }, ct);
        }

        await _sse.WriteDoneAsync(ct);
    }

    private Task ChunkAsync(Action<Utf8JsonWriter> delta, string? finishReason, CancellationToken ct) =>
        _sse.WriteAsync(null, w =>
        {
            WriteHeader(w);
            w.WriteStartArray("choices");
            w.WriteStartObject();
            w.WriteNumber("index", 0);
            w.WriteStartObject("delta");
            delta(w);
            w.WriteEndObject();
            w.WriteNull("logprobs");
            if (finishReason is null)
            {
                w.WriteNull("finish_reason");
            }
            else
            {
                w.WriteString("finish_reason", finishReason);
            }

            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }, ct);

    private void WriteHeader(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("object", "chat.completion.chunk");
        w.WriteNumber("created", _created);
        w.WriteString("model", model);
    }
}
