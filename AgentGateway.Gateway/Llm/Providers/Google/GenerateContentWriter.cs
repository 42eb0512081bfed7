using System.Text.Json;
using AgentGateway.Llm.Providers.Bedrock;
using AgentGateway.Llm.Wire;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Providers.Google;

/// <summary>
/// Writes a Gemini <c>generateContent</c> body (the same for the Gemini API and Vertex AI): <c>systemInstruction</c>,
/// <c>contents</c> with roles <c>user</c>/<c>model</c>, <c>tools.functionDeclarations</c>, <c>toolConfig</c> and
/// <c>generationConfig</c>. A function response must name its function; Gemini has no call ids, so the name is
/// looked up from the call it answers earlier in the conversation.
/// </summary>
internal static class GenerateContentWriter
{
    public static byte[] Write(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages.ToList();
        var callNames = list.SelectMany(m => m.Contents).OfType<FunctionCallContent>().GroupBy(c => c.CallId).ToDictionary(g => g.Key, g => g.First().Name);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            var system = list.Where(m => m.Role == ChatRole.System).Select(m => m.Text).Prepend(options?.Instructions).Where(t => !string.IsNullOrEmpty(t)).ToList();
            if (system.Count > 0)
            {
                w.WriteStartObject("systemInstruction");
                w.WriteStartArray("parts");
                system.ForEach(t => Text(w, t!));
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteStartArray("contents");
            string? open = null;
            foreach (var m in list.Where(m => m.Role != ChatRole.System))
            {
                var role = m.Role == ChatRole.Assistant ? "model" : "user";
                if (role != open)
                {
                    if (open is not null)
                    {
                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteStartObject();
                    w.WriteString("role", role);
                    w.WriteStartArray("parts");
                    open = role;
                }

                foreach (var content in m.Contents)
                {
                    Part(w, content, callNames);
                }
            }

            if (open is not null)
            {
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Tools(w, options);
            GenerationConfig(w, options);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Text(Utf8JsonWriter w, string text)
    {
        w.WriteStartObject();
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    private static void Part(Utf8JsonWriter w, AIContent content, Dictionary<string, string> callNames)
    {
        switch (content)
        {
            case TextContent { Text.Length: > 0 } t:
                Text(w, t.Text);
                break;
            case DataContent d:
                w.WriteStartObject();
                w.WriteStartObject("inlineData");
                w.WriteString("mimeType", d.MediaType);
                w.WriteBase64String("data", d.Data.Span);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case UriContent u:
                w.WriteStartObject();
                w.WriteStartObject("fileData");
                w.WriteString("mimeType", u.MediaType);
                w.WriteString("fileUri", u.Uri.ToString());
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case FunctionCallContent call:
                w.WriteStartObject();
                w.WriteStartObject("functionCall");
                w.WriteString("name", call.Name);
                w.WritePropertyName("args");
                FinishReasons.WriteArgumentsObject(w, call);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case FunctionResultContent result:
                w.WriteStartObject();
                w.WriteStartObject("functionResponse");
                w.WriteString("name", callNames.GetValueOrDefault(result.CallId, result.CallId));
                w.WriteStartObject("response");
                w.WriteString("result", ConverseRequestWriter.ResultText(result.Result));
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                break;
        }
    }

    private static void Tools(Utf8JsonWriter w, ChatOptions? options)
    {
        var tools = options?.Tools?.OfType<AIFunctionDeclaration>().ToList();
        if (tools is not { Count: > 0 })
        {
            return;
        }

        w.WriteStartArray("tools");
        w.WriteStartObject();
        w.WriteStartArray("functionDeclarations");
        foreach (var tool in tools)
        {
            w.WriteStartObject();
            w.WriteString("name", tool.Name);
            if (!string.IsNullOrEmpty(tool.Description))
            {
                w.WriteString("description", tool.Description);
            }

            // parametersJsonSchema takes JSON Schema as clients write it; "parameters" only an OpenAPI subset.
            w.WritePropertyName("parametersJsonSchema");
            tool.JsonSchema.WriteTo(w);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();

        var (mode, only) = options!.ToolMode switch
        {
            NoneChatToolMode => ("NONE", null),
            RequiredChatToolMode { RequiredFunctionName: { } name } => ("ANY", name),
            RequiredChatToolMode => ("ANY", null),
            _ => ("AUTO", (string?)null),
        };
        w.WriteStartObject("toolConfig");
        w.WriteStartObject("functionCallingConfig");
        w.WriteString("mode", mode);
        if (only is not null)
        {
            w.WriteStartArray("allowedFunctionNames");
            w.WriteStringValue(only);
            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void GenerationConfig(Utf8JsonWriter w, ChatOptions? options)
    {
        if (options is null)
        {
            return;
        }

        w.WriteStartObject("generationConfig");
        if (options.MaxOutputTokens is { } max)
        {
            w.WriteNumber("maxOutputTokens", max);
        }

        if (options.Temperature is { } temperature)
        {
            w.WriteNumber("temperature", temperature);
        }

        if (options.TopP is { } topP)
        {
            w.WriteNumber("topP", topP);
        }

        if (options.TopK is { } topK)
        {
            w.WriteNumber("topK", topK);
        }

        if (options.StopSequences is { Count: > 0 } stops)
        {
            w.WriteStartArray("stopSequences");
            foreach (var s in stops)
            {
                w.WriteStringValue(s);
            }

            w.WriteEndArray();
        }

        if (options.ResponseFormat is ChatResponseFormatJson json)
        {
            w.WriteString("responseMimeType", "application/json");
            if (json.Schema is { } schema)
            {
                w.WritePropertyName("responseJsonSchema");
                schema.WriteTo(w);
            }
        }

        w.WriteEndObject();
    }
}
