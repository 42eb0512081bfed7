using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>Writes a completed OpenAI Responses API <c>response</c> object.</summary>
internal static class ResponsesResponseWriter
{
    public static void Write(Utf8JsonWriter w, string id, string model, string? text, IReadOnlyList<FunctionCallContent> calls, ChatFinishReason? reason, long inputTokens, long outputTokens)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("object", "response");
        w.WriteNumber("created_at", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        w.WriteString("status", reason == ChatFinishReason.Length ? "incomplete" : "completed");
        w.WriteNull("error");
        if (reason == ChatFinishReason.Length)
        {
            w.WriteStartObject("incomplete_details");
            w.WriteString("reason", "max_output_tokens");
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("incomplete_details");
        }

        w.WriteString("model", model);
        w.WriteStartArray("output");
        if (!string.IsNullOrEmpty(text) || calls.Count == 0)
        {
            w.WriteStartObject();
            w.WriteString("type", "message");
            w.WriteString("id", "msg_" + id["resp_".Length..]);
            w.WriteString("status", "completed");
            w.WriteString("role", "assistant");
            w.WriteStartArray("content");
            w.WriteStartObject();
            w.WriteString("type", "output_text");
            w.WriteString("text", text ?? "");
            w.WriteStartArray("annotations");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        foreach (var call in calls)
        {
            w.WriteStartObject();
            w.WriteString("type", "function_call");
            w.WriteString("id", "fc_" + call.CallId);
            w.WriteString("call_id", call.CallId);
            w.WriteString("name", call.Name);
            w.WriteString("arguments", FinishReasons.ArgumentsJson(call));
            w.WriteString("status", "completed");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("usage");
        w.WriteNumber("input_tokens", inputTokens);
        w.WriteNumber("output_tokens", outputTokens);
        w.WriteNumber("total_tokens", inputTokens + outputTokens);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
