using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>Anthropic events: message_start, content_block_start/delta/stop per block, message_delta, message_stop.</summary>
internal sealed class AnthropicStreamWriter(HttpResponse response, string id, string model) : IChatStreamWriter
{
    private readonly SseWriter _sse = new(response);
    private int _index = -1;
    private bool _textOpen;

    public Task StartAsync(Func<long> inputTokens, CancellationToken ct) =>
        _sse.WriteAsync("message_start", w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "message_start");
            w.WriteStartObject("message");
            w.WriteString("id", id);
            w.WriteString("type", "message");
            w.WriteString("role", "assistant");
            w.WriteString("model", model);
            w.WriteStartArray("content");
            w.WriteEndArray();
            w.WriteNull("stop_reason");
            w.WriteNull("stop_sequence");
            w.WriteStartObject("usage");
            w.WriteNumber("input_tokens", inputTokens());
            w.WriteNumber("output_tokens", 0);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }, ct);

    public async Task TextAsync(string text, CancellationToken ct)
    {
        if (!_textOpen)
        {
            _index++;
            _textOpen = true;
            await _sse.WriteAsync("content_block_start", w =>
            {
                w.WriteStartObject();
                w.WriteString("type", "content_block_start");
                w.WriteNumber("index", _index);
                w.WriteStartObject("content_block");
                w.WriteString("type", "text");
                w.WriteString("text", "");
                w.WriteEndObject();
                w.WriteEndObject();
            }, ct);
        }

        await _sse.WriteAsync("content_block_delta", w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "content_block_delta");
            w.WriteNumber("index", _index);
            w.WriteStartObject("delta");
            w.WriteString("type", "text_delta");
            w.WriteString("text", text);
            w.WriteEndObject();
            w.WriteEndObject();
        }, ct);
    }

    public async Task ToolCallAsync(FunctionCallContent call, CancellationToken ct)
    {
        await CloseTextAsync(ct);
        _index++;
        await _sse.WriteAsync("content_block_start", w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "content_block_start");
            w.WriteNumber("index", _index);
            w.WritePropertyName("content_block");
            AnthropicResponseWriter.WriteToolUse(w, call, withInput: false);
            w.WriteEndObject();
        }, ct);
        await _sse.WriteAsync("content_block_delta", w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "content_block_delta");
            w.WriteNumber("index", _index);
            w.WriteStartObject("delta");
            w.WriteString("type", "input_json_delta");
            w.WriteString("partial_json", FinishReasons.ArgumentsJson(call));
            w.WriteEndObject();
            w.WriteEndObject();
        }, ct);
        await StopBlockAsync(ct);
    }

    public async Task FinishAsync(ChatFinishReason? reason, long inputTokens, long outputTokens, CancellationToken ct)
    {
        await CloseTextAsync(ct);
        await _sse.WriteAsync("message_delta", w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "message_delta");
            w.WriteStartObject("delta");
            w.WriteString("stop_reason", FinishReasons.Anthropic(reason));
            w.WriteNull("stop_sequence");
            w.WriteEndObject();
            w.WriteStartObject("usage");
            w.WriteNumber("input_tokens", inputTokens);
            w.WriteNumber("output_tokens", outputTokens);
            w.WriteEndObject();
            w.WriteEndObject();
        }, ct);
        await _sse.WriteAsync("message_stop", w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "message_stop");
            w.WriteEndObject();
        }, ct);
    }

    private async Task CloseTextAsync(CancellationToken ct)
    {
        if (_textOpen)
        {
            _textOpen = false;
            await StopBlockAsync(ct);
        }
    }

    private Task StopBlockAsync(CancellationToken ct) =>
        _sse.WriteAsync("content_block_stop", w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "content_block_stop");
            w.WriteNumber("index", _index);
            w.WriteEndObject();
        }, ct);
}
