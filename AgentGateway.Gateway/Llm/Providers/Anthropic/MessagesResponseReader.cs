using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Providers.Anthropic;

/// <summary>
/// Reads a Messages API answer (<c>message</c> object) into a <see cref="ChatResponse"/>, and holds the usage and
/// stop-reason conversions the stream reader shares.
/// </summary>
internal static class MessagesResponseReader
{
    public static ChatResponse Read(JsonElement message, string requestedModel)
    {
        var contents = new List<AIContent>();
        if (message.TryGetProperty("content", out var blocks) && blocks.ValueKind == JsonValueKind.Array)
        {
            foreach (var block in blocks.EnumerateArray())
            {
                if (Block(block) is { } content)
                {
                    contents.Add(content);
                }
            }
        }

        var id = String(message, "id");
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, contents) { MessageId = id, CreatedAt = DateTimeOffset.UtcNow })
        {
            ResponseId = id,
            ModelId = String(message, "model") ?? requestedModel,
            CreatedAt = DateTimeOffset.UtcNow,
            FinishReason = FinishReason(String(message, "stop_reason")),
            Usage = message.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object ? Usage(UsageCounts.From(usage)) : null,
        };
    }

    private static AIContent? Block(JsonElement block) => String(block, "type") switch
    {
        "text" => new TextContent(String(block, "text") ?? ""),
        "thinking" => new TextReasoningContent(String(block, "thinking")) { ProtectedData = String(block, "signature") },
        "redacted_thinking" => new TextReasoningContent("") { ProtectedData = String(block, "data") },
        "tool_use" => new FunctionCallContent(String(block, "id") ?? "", String(block, "name") ?? "", Input(block)),
        _ => null,
    };

    private static Dictionary<string, object?> Input(JsonElement block) =>
        block.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.Object
            ? input.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone())
            : [];

    /// <summary>
    /// The API's stop reasons as the SDK's client reported them: unknown values (e.g. <c>pause_turn</c>) verbatim.
    /// </summary>
    public static ChatFinishReason? FinishReason(string? stopReason) => stopReason switch
    {
        null => null,
        "end_turn" or "stop_sequence" => ChatFinishReason.Stop,
        "max_tokens" or "model_context_window_exceeded" => ChatFinishReason.Length,
        "tool_use" => ChatFinishReason.ToolCalls,
        "refusal" => ChatFinishReason.ContentFilter,
        _ when string.IsNullOrWhiteSpace(stopReason) => ChatFinishReason.Stop,
        _ => new ChatFinishReason(stopReason),
    };

    /// <summary>
    /// Input tokens include the cache reads and writes (the API counts them apart); cache reads are also reported as
    /// cached input, cache writes and server tool requests as additional counts.
    /// </summary>
    public static UsageDetails Usage(UsageCounts c)
    {
        var usage = new UsageDetails
        {
            InputTokenCount = Sum(Sum(c.CacheRead, c.CacheCreation), c.Input),
            CachedInputTokenCount = c.CacheRead,
            OutputTokenCount = c.Output,
            ReasoningTokenCount = c.Thinking,
        };
        usage.TotalTokenCount = Sum(usage.InputTokenCount, usage.OutputTokenCount);
        Additional(usage, "CacheCreationInputTokens", c.CacheCreation);
        Additional(usage, "WebFetchRequests", c.WebFetch);
        Additional(usage, "WebSearchRequests", c.WebSearch);
        return usage;

        static long? Sum(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);

        static void Additional(UsageDetails usage, string name, long? value)
        {
            if (value > 0)
            {
                (usage.AdditionalCounts ??= [])[name] = value.Value;
            }
        }
    }

    internal static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>The counts of one Anthropic <c>usage</c> object; absent ones are null.</summary>
internal readonly record struct UsageCounts(long? Input, long? Output, long? CacheCreation, long? CacheRead, long? Thinking, long? WebFetch, long? WebSearch)
{
    public static UsageCounts From(JsonElement usage)
    {
        JsonElement details = default, tools = default;
        var hasDetails = usage.TryGetProperty("output_tokens_details", out details) && details.ValueKind == JsonValueKind.Object;
        var hasTools = usage.TryGetProperty("server_tool_use", out tools) && tools.ValueKind == JsonValueKind.Object;
        return new UsageCounts(
            Long(usage, "input_tokens"),
            Long(usage, "output_tokens"),
            Long(usage, "cache_creation_input_tokens"),
            Long(usage, "cache_read_input_tokens"),
            hasDetails ? Long(details, "thinking_tokens") : null,
            hasTools ? Long(tools, "web_fetch_requests") : null,
            hasTools ? Long(tools, "web_search_requests") : null);
    }

    private static long? Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;
}
