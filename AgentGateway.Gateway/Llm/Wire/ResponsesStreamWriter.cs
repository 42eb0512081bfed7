using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>
/// Responses API streaming events for a translated answer: response.created, output items (message with
/// output_text deltas, function calls), their done events, and response.completed carrying the final object.
/// </summary>
internal sealed class ResponsesStreamWriter(HttpResponse response, string id, string model) : IChatStreamWriter
{
    private readonly SseWriter _sse = new(response);
    private readonly StringBuilder _text = new();
    private readonly List<FunctionCallContent> _calls = [];
    private int _sequence;
    private int _outputIndex = -1;
    private bool _messageOpen;

    private string MessageId => "msg_" + id["resp_".Length..];

    public Task StartAsync(Func<long> inputTokens, CancellationToken ct) =>
        EventAsync("response.created", w =>
        {
            w.WriteStartObject("response");
            w.WriteString("id", id);
            w.WriteString("object", "response");
            w.WriteNumber("created_at", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            w.WriteString("status", "in_progress");
            w.WriteString("model", model);
            w.WriteStartArray("output");
            w.WriteEndArray();
            w.WriteEndObject();
        }, ct);

    public async Task TextAsync(string text, CancellationToken ct)
    {
        if (!_messageOpen)
        {
            _messageOpen = true;
            _outputIndex++;
            await EventAsync("response.output_item.added", w =>
            {
                w.WriteNumber("output_index", _outputIndex);
                w.WriteStartObject("item");
                w.WriteString("type", "message");
                w.WriteString("id", MessageId);
                w.WriteString("status", "in_progress");
                w.WriteString("role", "assistant");
                w.WriteStartArray("content");
                w.WriteEndArray();
                w.WriteEndObject();
            }, ct);
            await EventAsync("response.content_part.added", w => { ContentRef(w); Part(w, ""); }, ct);
        }

        _text.Append(text);
        await EventAsync("response.output_text.delta", w =>
        {
            ContentRef(w);
            w.WriteString("delta", text);
        }, ct);
    }

    public async Task ToolCallAsync(FunctionCallContent call, CancellationToken ct)
    {
        await CloseMessageAsync(ct);
        _calls.Add(call);
        _outputIndex++;
        var itemId = "fc_" + call.CallId;
        var arguments = FinishReasons.ArgumentsJson(call);
        await EventAsync("response.output_item.added", w => { w.WriteNumber("output_index", _outputIndex); CallItem(w, call, itemId, "", "in_progress"); }, ct);
        await EventAsync("response.function_call_arguments.delta", w =>
        {
            w.WriteString("item_id", itemId);
            w.WriteNumber("output_index", _outputIndex);
            w.WriteString("delta", arguments);
        }, ct);
        await EventAsync("response.function_call_arguments.done", w =>
        {
            w.WriteString("item_id", itemId);
            w.WriteNumber("output_index", _outputIndex);
            w.WriteString("arguments", arguments);
        }, ct);
        await EventAsync("response.output_item.done", w => { w.WriteNumber("output_index", _outputIndex); CallItem(w, call, itemId, arguments, "completed"); }, ct);
    }

    public async Task FinishAsync(ChatFinishReason? reason, long inputTokens, long outputTokens, CancellationToken ct)
    {
        await CloseMessageAsync(ct);
        await EventAsync("response.completed", w =>
        {
            w.WritePropertyName("response");
            ResponsesResponseWriter.Write(w, id, model, _text.Length > 0 ? _text.ToString() : null, _calls, reason, inputTokens, outputTokens);
        }, ct);
    }

    private async Task CloseMessageAsync(CancellationToken ct)
    {
        if (!_messageOpen)
        {
            return;
        }

        _messageOpen = false;
        var text = _text.ToString();
        await EventAsync("response.output_text.done", w => { ContentRef(w); w.WriteString("text", text); }, ct);
        await EventAsync("response.content_part.done", w => { ContentRef(w); Part(w, text); }, ct);
        await EventAsync("response.output_item.done", w =>
        {
            w.WriteNumber("output_index", _outputIndex);
            w.WriteStartObject("item");
            w.WriteString("type", "message");
            w.WriteString("id", MessageId);
            w.WriteString("status", "completed");
            w.WriteString("role", "assistant");
            w.WriteStartArray("content");
            w.WriteStartObject();
            w.WriteString("type", "output_text");
            w.WriteString("text", text);
            w.WriteStartArray("annotations");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }, ct);
    }

    private void ContentRef(Utf8JsonWriter w)
    {
        w.WriteString("item_id", MessageId);
        w.WriteNumber("output_index", _outputIndex);
        w.WriteNumber("content_index", 0);
    }

    private static void Part(Utf8JsonWriter w, string text)
    {
        w.WriteStartObject("part");
        w.WriteString("type", "output_text");
        w.WriteString("text", text);
        w.WriteStartArray("annotations");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void CallItem(Utf8JsonWriter w, FunctionCallContent call, string itemId, string arguments, string status)
    {
        w.WriteStartObject("item");
        w.WriteString("type", "function_call");
        w.WriteString("id", itemId);
        w.WriteString("call_id", call.CallId);
        w.WriteString("name", call.Name);
        w.WriteString("arguments", arguments);
        w.WriteString("status", status);
        w.WriteEndObject();
    }

    private Task EventAsync(string type, Action<Utf8JsonWriter> body, CancellationToken ct)
    {
        var sequence = _sequence++;
        return _sse.WriteAsync(type, w =>
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteNumber("sequence_number", sequence);
            body(w);
            w.WriteEndObject();
        }, ct);
    }
}
