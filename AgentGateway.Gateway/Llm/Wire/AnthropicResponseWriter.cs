using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>Writes a non-streaming Anthropic <c>message</c> object.</summary>
internal static class AnthropicResponseWriter
{
    public static void Write(Utf8JsonWriter w, string id, string model, string? text, IReadOnlyList<FunctionCallContent> calls, ChatFinishReason? reason, long inputTokens, long outputTokens)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("type", "message");
        w.WriteString("role", "assistant");
        w.WriteString("model", model);
        w.WriteStartArray("content");
        if (!string.IsNullOrEmpty(text) || calls.Count == 0)
        {
            w.WriteStartObject();
            w.WriteString("type", "text");
            w.WriteString("text", text ?? "");
            w.WriteEndObject();
        }

        foreach (var call in calls)
        {
            WriteToolUse(w, call, withInput: true);
        }

        w.WriteEndArray();
        w.WriteString("stop_reason", FinishReasons.Anthropic(calls.Count > 0 && reason is null ? ChatFinishReason.ToolCalls : reason));
        w.WriteNull("stop_sequence");
        w.WriteStartObject("usage");
        w.WriteNumber("input_tokens", inputTokens);
        w.WriteNumber("output_tokens", outputTokens);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteToolUse(Utf8JsonWriter w, FunctionCallContent call, bool withInput)
    {
        w.WriteStartObject();
        w.WriteString("type", "tool_use");
        w.WriteString("id", call.CallId);
        w.WriteString("name", call.Name);
        w.WritePropertyName("input");
        if (withInput)
        {
            FinishReasons.WriteArgumentsObject(w, call);
        }
        else
        {
            w.WriteStartObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
