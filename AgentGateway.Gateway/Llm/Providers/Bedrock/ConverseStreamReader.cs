using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AgentGateway.Llm.Wire;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Providers.Bedrock;

/// <summary>
/// Turns ConverseStream events into updates: text deltas as they come, a tool call once its block stops (its input
/// arrives as JSON text in pieces), usage from <c>metadata</c>, and the finish reason from <c>messageStop</c>.
/// </summary>
internal static class ConverseStreamReader
{
    public static async IAsyncEnumerable<ChatResponseUpdate> ReadAsync(Stream body, string model, string? requestId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tools = new Dictionary<int, (string Id, string Name, StringBuilder Input)>();
        ChatFinishReason? finish = null;
        await foreach (var message in EventStreamReader.ReadAsync(body, cancellationToken))
        {
            if (message.MessageType is "exception" or "error")
            {
                throw BedrockErrors.FromStreamException(message);
            }

            using var doc = JsonDocument.Parse(message.Payload);
            var e = doc.RootElement;
            var index = e.TryGetProperty("contentBlockIndex", out var i) ? i.GetInt32() : 0;
            switch (message.EventType)
            {
                case "contentBlockStart" when e.TryGetProperty("start", out var start) && start.TryGetProperty("toolUse", out var tool):
                    tools[index] = (tool.GetProperty("toolUseId").GetString()!, tool.GetProperty("name").GetString()!, new StringBuilder());
                    break;
                case "contentBlockDelta" when e.TryGetProperty("delta", out var delta):
                    if (delta.TryGetProperty("text", out var text))
                    {
                        yield return Update(model, requestId, new TextContent(text.GetString()));
                    }
                    else if (delta.TryGetProperty("toolUse", out var toolDelta) && tools.TryGetValue(index, out var pending)
                        && toolDelta.TryGetProperty("input", out var input))
                    {
                        pending.Input.Append(input.GetString());
                    }

                    break;
                case "contentBlockStop" when tools.Remove(index, out var done):
                    yield return Update(model, requestId, new FunctionCallContent(done.Id, done.Name, JsonRead.Arguments(done.Input.ToString())));
                    break;
                case "messageStop":
                    finish = ConverseResponseReader.FinishReason(e.TryGetProperty("stopReason", out var stop) ? stop.GetString() : null);
                    break;
                case "metadata" when e.TryGetProperty("usage", out var usage):
                    yield return Update(model, requestId, new UsageContent(ConverseResponseReader.Usage(usage)));
                    break;
            }
        }

        yield return new ChatResponseUpdate { ModelId = model, ResponseId = requestId, FinishReason = finish ?? ChatFinishReason.Stop };
    }

    private static ChatResponseUpdate Update(string model, string? requestId, AIContent content) =>
        new(ChatRole.Assistant, [content]) { ModelId = model, ResponseId = requestId };
}
