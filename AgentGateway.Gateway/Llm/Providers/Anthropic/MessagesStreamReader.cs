using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Providers.Anthropic;

/// <summary>
/// Turns a Messages API event stream into updates the way the SDK's client did: a first update at
/// <c>message_start</c> (it carries the message id), text and thinking deltas as they come, a tool call once its
/// block stops (its input arrives as JSON text in pieces), the stop reason from <c>message_delta</c>, and the usage
/// once at the end (the start's counts, replaced by the delta's where it has them). <c>ping</c> is skipped; an
/// <c>error</c> event throws.
/// </summary>
internal sealed class MessagesStreamReader
{
    private Dictionary<int, (string Id, string Name, StringBuilder Input)>? _tools;
    private string? _messageId;
    private string? _model;
    private ChatFinishReason? _finish;
    private UsageCounts? _start;
    private UsageDetails? _usage;

    public static async IAsyncEnumerable<ChatResponseUpdate> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sse = new SseDataReader(body);
        var state = new MessagesStreamReader();
        while (await sse.NextAsync(cancellationToken))
        {
            ChatResponseUpdate? update;
            using (var doc = JsonDocument.Parse(sse.Data))
            {
                update = state.Apply(doc.RootElement);
            }

            if (update is not null)
            {
                yield return update;
            }
        }

        if (state._usage is { } usage)
        {
            yield return state.Update(new UsageContent(usage));
        }
    }

    private ChatResponseUpdate? Apply(JsonElement e)
    {
        switch (MessagesResponseReader.String(e, "type"))
        {
            case "message_start" when e.TryGetProperty("message", out var message):
                _messageId ??= MessagesResponseReader.String(message, "id");
                _model ??= MessagesResponseReader.String(message, "model");
                if (message.TryGetProperty("usage", out var startUsage) && startUsage.ValueKind == JsonValueKind.Object)
                {
                    _start = UsageCounts.From(startUsage);
                    var details = MessagesResponseReader.Usage(_start.Value);
                    if (_usage is null)
                    {
                        _usage = details;
                    }
                    else
                    {
                        _usage.Add(details);
                    }
                }

                return Update(null);
            case "content_block_start" when e.TryGetProperty("content_block", out var block):
                return BlockStart(Index(e), block);
            case "content_block_delta" when e.TryGetProperty("delta", out var delta):
                return Delta(Index(e), delta);
            case "content_block_stop" when _tools is not null && _tools.Remove(Index(e), out var tool):
                var json = tool.Input.ToString();
                return Update(FunctionCallContent.CreateFromParsedArguments(json, tool.Id, tool.Name, static j => j.Length == 0 ? null
                    : (Dictionary<string, object?>?)JsonSerializer.Deserialize(j, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Dictionary<string, object?>)))));
            case "message_delta":
                if (e.TryGetProperty("delta", out var messageDelta))
                {
                    _finish = MessagesResponseReader.FinishReason(MessagesResponseReader.String(messageDelta, "stop_reason"));
                }

                if (e.TryGetProperty("usage", out var deltaUsage) && deltaUsage.ValueKind == JsonValueKind.Object)
                {
                    var d = UsageCounts.From(deltaUsage);
                    var s = _start ?? default;
                    _usage = MessagesResponseReader.Usage(new UsageCounts(
                        d.Input ?? s.Input, d.Output, d.CacheCreation ?? s.CacheCreation, d.CacheRead ?? s.CacheRead,
                        d.Thinking ?? s.Thinking, d.WebFetch ?? s.WebFetch, d.WebSearch ?? s.WebSearch));
                }

                return Update(null);
            case "error":
                throw AnthropicErrors.FromEvent(e);
        }

        return null;
    }

    private ChatResponseUpdate? BlockStart(int index, JsonElement block)
    {
        switch (MessagesResponseReader.String(block, "type"))
        {
            case "text" when MessagesResponseReader.String(block, "text") is { Length: > 0 } text:
                return Update(new TextContent(text));
            case "thinking":
                return Update(new TextReasoningContent(MessagesResponseReader.String(block, "thinking")) { ProtectedData = MessagesResponseReader.String(block, "signature") });
            case "redacted_thinking":
                return Update(new TextReasoningContent("") { ProtectedData = MessagesResponseReader.String(block, "data") });
            case "tool_use":
                (_tools ??= [])[index] = (MessagesResponseReader.String(block, "id") ?? "", MessagesResponseReader.String(block, "name") ?? "", new StringBuilder());
                break;
        }

        return null;
    }

    private ChatResponseUpdate? Delta(int index, JsonElement delta)
    {
        switch (MessagesResponseReader.String(delta, "type"))
        {
            case "text_delta":
                return Update(new TextContent(MessagesResponseReader.String(delta, "text") ?? ""));
            case "input_json_delta" when _tools is not null && _tools.TryGetValue(index, out var tool):
                tool.Input.Append(MessagesResponseReader.String(delta, "partial_json"));
                break;
            case "thinking_delta":
                return Update(new TextReasoningContent(MessagesResponseReader.String(delta, "thinking")));
            case "signature_delta":
                return Update(new TextReasoningContent(null) { ProtectedData = MessagesResponseReader.String(delta, "signature") });
        }

        return null;
    }

    private static int Index(JsonElement e) => e.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) ? n : 0;

    private ChatResponseUpdate Update(AIContent? content) =>
        new(ChatRole.Assistant, content is null ? [] : [content])
        {
            CreatedAt = DateTimeOffset.UtcNow,
            FinishReason = _finish,
            MessageId = _messageId,
            ResponseId = _messageId,
            ModelId = _model,
        };
}
