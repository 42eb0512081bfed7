using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>Writes a non-streaming <c>chat.completion</c> object.</summary>
internal static class OpenAiResponseWriter
{
    public static void Write(Utf8JsonWriter w, string id, string model, string? text, IReadOnlyList<FunctionCallContent> calls, ChatFinishReason? reason, long inputTokens, long outputTokens)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("object", "chat.completion");
        w.WriteNumber("created", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        w.WriteString("model", model);
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("message");
        w.WriteString("role", "assistant");
        if (text is null)
        {
            w.WriteNull("content");
        }
        else
        {
            w.WriteString("content", text);
        }

        w.WriteNull("refusal");
        if (calls.Count > 0)
        {
            w.WriteStartArray("tool_calls");
            foreach (var call in calls)
            {
                w.WriteStartObject();
                w.WriteString("id", call.CallId);
                w.WriteString("type", "function");
                w.WriteStartObject("function");
                w.WriteString("name", call.Name);
                w.WriteString("arguments", FinishReasons.ArgumentsJson(call));
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteNull("logprobs");
        w.WriteString("finish_reason", FinishReasons.OpenAi(calls.Count > 0 && reason is null ? ChatFinishReason.ToolCalls : reason));
        w.WriteEndObject();
        w.WriteEndArray();
        WriteUsage(w, inputTokens, outputTokens);
        w.WriteEndObject();
    }

    public static void WriteUsage(Utf8JsonWriter w, long inputTokens, long outputTokens)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", inputTokens);
        w.WriteNumber("completion_tokens", outputTokens);
        w.WriteNumber("total_tokens", inputTokens + outputTokens);
        w.WriteEndObject();
    }
}
