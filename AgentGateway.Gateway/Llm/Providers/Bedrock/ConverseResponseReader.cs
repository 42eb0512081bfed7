using System.Text.Json;
using AgentGateway.Llm.Wire;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Providers.Bedrock;

/// <summary>Reads a Converse answer (and ConverseStream events) into Microsoft.Extensions.AI types.</summary>
internal static class ConverseResponseReader
{
    public static ChatResponse Read(JsonElement root, string model, string? requestId)
    {
        var contents = new List<AIContent>();
        if (root.TryGetProperty("output", out var output) && output.TryGetProperty("message", out var message)
            && message.TryGetProperty("content", out var blocks) && blocks.ValueKind == JsonValueKind.Array)
        {
            foreach (var block in blocks.EnumerateArray())
            {
                if (block.TryGetProperty("text", out var text))
                {
                    contents.Add(new TextContent(text.GetString()));
                }
                else if (block.TryGetProperty("toolUse", out var tool))
                {
                    contents.Add(new FunctionCallContent(
                        tool.GetProperty("toolUseId").GetString()!,
                        tool.GetProperty("name").GetString()!,
                        tool.TryGetProperty("input", out var input) ? JsonRead.Arguments(input.GetRawText()) : []));
                }
            }
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, contents))
        {
            ModelId = model,
            ResponseId = requestId,
            FinishReason = root.TryGetProperty("stopReason", out var stop) ? FinishReason(stop.GetString()) : null,
            Usage = root.TryGetProperty("usage", out var usage) ? Usage(usage) : null,
        };
    }

    public static ChatFinishReason? FinishReason(string? stopReason) => stopReason switch
    {
        "end_turn" or "stop_sequence" => ChatFinishReason.Stop,
        "tool_use" => ChatFinishReason.ToolCalls,
        "max_tokens" or "model_context_window_exceeded" => ChatFinishReason.Length,
        "guardrail_intervened" or "content_filtered" => ChatFinishReason.ContentFilter,
        null => null,
        _ => ChatFinishReason.Stop,
    };

    public static UsageDetails Usage(JsonElement usage) => new()
    {
        InputTokenCount = Long(usage, "inputTokens"),
        OutputTokenCount = Long(usage, "outputTokens"),
        TotalTokenCount = Long(usage, "totalTokens"),
        CachedInputTokenCount = Long(usage, "cacheReadInputTokens"),
    };

    private static long? Long(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? n : null;
}
