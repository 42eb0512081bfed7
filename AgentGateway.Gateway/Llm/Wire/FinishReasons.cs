using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>Finish-reason and tool-argument conversions shared by the writers.</summary>
internal static class FinishReasons
{
    public static string OpenAi(ChatFinishReason? reason) =>
        reason == ChatFinishReason.Length ? "length"
        : reason == ChatFinishReason.ToolCalls ? "tool_calls"
        : reason == ChatFinishReason.ContentFilter ? "content_filter"
        : "stop";

    public static string Anthropic(ChatFinishReason? reason) =>
        reason == ChatFinishReason.Length ? "max_tokens"
        : reason == ChatFinishReason.ToolCalls ? "tool_use"
        : reason == ChatFinishReason.ContentFilter ? "refusal"
        : "end_turn";

    public static string ArgumentsJson(FunctionCallContent call) =>
        call.Arguments is null ? "{}" : JsonSerializer.Serialize(call.Arguments, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>)));

    public static void WriteArgumentsObject(Utf8JsonWriter w, FunctionCallContent call)
    {
        using var doc = JsonDocument.Parse(ArgumentsJson(call));
        doc.RootElement.WriteTo(w);
    }
}
