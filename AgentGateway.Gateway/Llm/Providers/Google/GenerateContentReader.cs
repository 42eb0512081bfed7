using System.Text.Json;
using AgentGateway.Llm.Wire;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Providers.Google;

/// <summary>Reads a <c>GenerateContentResponse</c> (whole, or one streamed chunk) into Microsoft.Extensions.AI types.</summary>
internal static class GenerateContentReader
{
    public static (List<AIContent> Contents, ChatFinishReason? Finish, UsageDetails? Usage, string? ResponseId) Read(JsonElement root, ref int callCounter)
    {
        var contents = new List<AIContent>();
        ChatFinishReason? finish = null;
        var sawCall = false;
        if (root.TryGetProperty("candidates", out var candidates) && candidates.ValueKind == JsonValueKind.Array && candidates.GetArrayLength() > 0)
        {
            var candidate = candidates[0];
            if (candidate.TryGetProperty("content", out var content) && content.TryGetProperty("parts", out var parts) && parts.ValueKind == JsonValueKind.Array)
            {
                foreach (var part in parts.EnumerateArray())
                {
                    // Thought summaries are not part of the answer.
                    if (part.TryGetProperty("thought", out var thought) && thought.ValueKind == JsonValueKind.True)
                    {
                        continue;
                    }

                    if (part.TryGetProperty("text", out var text))
                    {
                        contents.Add(new TextContent(text.GetString()));
                    }
                    else if (part.TryGetProperty("functionCall", out var call))
                    {
                        sawCall = true;
                        var id = call.TryGetProperty("id", out var i) && i.GetString() is { Length: > 0 } given ? given : "call_" + (++callCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        contents.Add(new FunctionCallContent(id, call.GetProperty("name").GetString()!, call.TryGetProperty("args", out var args) ? JsonRead.Arguments(args.GetRawText()) : []));
                    }
                }
            }

            if (candidate.TryGetProperty("finishReason", out var reason) && reason.GetString() is { } r)
            {
                // Gemini says STOP after a function call; clients expect tool_calls.
                finish = sawCall ? ChatFinishReason.ToolCalls : FinishReason(r);
            }
        }

        UsageDetails? usage = null;
        if (root.TryGetProperty("usageMetadata", out var u))
        {
            usage = new UsageDetails
            {
                InputTokenCount = Long(u, "promptTokenCount"),
                OutputTokenCount = (Long(u, "candidatesTokenCount") ?? 0) + (Long(u, "thoughtsTokenCount") ?? 0),
                TotalTokenCount = Long(u, "totalTokenCount"),
                CachedInputTokenCount = Long(u, "cachedContentTokenCount"),
            };
        }

        return (contents, finish, usage, root.TryGetProperty("responseId", out var rid) ? rid.GetString() : null);
    }

    private static ChatFinishReason FinishReason(string reason) => reason switch
    {
        "MAX_TOKENS" => ChatFinishReason.Length,
        "SAFETY" or "RECITATION" or "BLOCKLIST" or "PROHIBITED_CONTENT" or "SPII" or "IMAGE_SAFETY" => ChatFinishReason.ContentFilter,
        _ => ChatFinishReason.Stop,
    };

    private static long? Long(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? n : null;
}
