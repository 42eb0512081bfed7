using System.Text.Json;
using AgentGateway.Llm.Wire;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Providers.Bedrock;

/// <summary>
/// Writes a Bedrock Converse request body from Microsoft.Extensions.AI messages: <c>system</c> blocks, alternating
/// <c>user</c>/<c>assistant</c> messages (tool results travel in a user message, consecutive same-role messages
/// are merged), <c>inferenceConfig</c> and <c>toolConfig</c>.
/// </summary>
internal static class ConverseRequestWriter
{
    public static byte[] Write(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages.ToList();
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            WriteSystem(w, list, options);
            WriteMessages(w, list);
            WriteInferenceConfig(w, options);
            WriteToolConfig(w, options);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteSystem(Utf8JsonWriter w, List<ChatMessage> messages, ChatOptions? options)
    {
        var texts = messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text).Prepend(options?.Instructions).Where(t => !string.IsNullOrEmpty(t)).ToList();
        if (texts.Count == 0)
        {
            return;
        }

        w.WriteStartArray("system");
        foreach (var text in texts)
        {
            w.WriteStartObject();
            w.WriteString("text", text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteMessages(Utf8JsonWriter w, List<ChatMessage> messages)
    {
        w.WriteStartArray("messages");
        string? open = null;
        foreach (var m in messages.Where(m => m.Role != ChatRole.System))
        {
            var role = m.Role == ChatRole.Assistant ? "assistant" : "user";
            if (role != open)
            {
                if (open is not null)
                {
                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteStartObject();
                w.WriteString("role", role);
                w.WriteStartArray("content");
                open = role;
            }

            foreach (var content in m.Contents)
            {
                WriteBlock(w, content);
            }
        }

        if (open is not null)
        {
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteBlock(Utf8JsonWriter w, AIContent content)
    {
        switch (content)
        {
            case TextContent { Text.Length: > 0 } t:
                w.WriteStartObject();
                w.WriteString("text", t.Text);
                w.WriteEndObject();
                break;
            case DataContent d when d.HasTopLevelMediaType("image"):
                w.WriteStartObject();
                w.WriteStartObject("image");
                w.WriteString("format", d.MediaType["image/".Length..] is "jpg" ? "jpeg" : d.MediaType["image/".Length..]);
                w.WriteStartObject("source");
                w.WriteBase64String("bytes", d.Data.Span);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case UriContent u:
                throw new HttpRequestException("Bedrock needs images inline (base64), not by URL.", null, System.Net.HttpStatusCode.BadRequest);
            case FunctionCallContent call:
                w.WriteStartObject();
                w.WriteStartObject("toolUse");
                w.WriteString("toolUseId", call.CallId);
                w.WriteString("name", call.Name);
                w.WritePropertyName("input");
                FinishReasons.WriteArgumentsObject(w, call);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case FunctionResultContent result:
                w.WriteStartObject();
                w.WriteStartObject("toolResult");
                w.WriteString("toolUseId", result.CallId);
                w.WriteStartArray("content");
                w.WriteStartObject();
                w.WriteString("text", ResultText(result.Result));
                w.WriteEndObject();
                w.WriteEndArray();
                if (result.Exception is not null)
                {
                    w.WriteString("status", "error");
                }

                w.WriteEndObject();
                w.WriteEndObject();
                break;
        }
    }

    internal static string ResultText(object? result) => result switch
    {
        null => "",
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString() ?? "",
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object))),
    };

    private static void WriteInferenceConfig(Utf8JsonWriter w, ChatOptions? options)
    {
        if (options is null || (options.MaxOutputTokens is null && options.Temperature is null && options.TopP is null && options.StopSequences is not { Count: > 0 }))
        {
            return;
        }

        w.WriteStartObject("inferenceConfig");
        if (options.MaxOutputTokens is { } max)
        {
            w.WriteNumber("maxTokens", max);
        }

        if (options.Temperature is { } temperature)
        {
            w.WriteNumber("temperature", temperature);
        }

        if (options.TopP is { } topP)
        {
            w.WriteNumber("topP", topP);
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

        w.WriteEndObject();
    }

    private static void WriteToolConfig(Utf8JsonWriter w, ChatOptions? options)
    {
        var tools = options?.Tools?.OfType<AIFunctionDeclaration>().ToList();
        // Converse has no "none" tool choice: not offering the tools is the equivalent.
        if (tools is not { Count: > 0 } || options!.ToolMode is NoneChatToolMode)
        {
            return;
        }

        w.WriteStartObject("toolConfig");
        w.WriteStartArray("tools");
        foreach (var tool in tools)
        {
            w.WriteStartObject();
            w.WriteStartObject("toolSpec");
            w.WriteString("name", tool.Name);
            if (!string.IsNullOrEmpty(tool.Description))
            {
                w.WriteString("description", tool.Description);
            }

            w.WriteStartObject("inputSchema");
            w.WritePropertyName("json");
            tool.JsonSchema.WriteTo(w);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        switch (options.ToolMode)
        {
            case RequiredChatToolMode { RequiredFunctionName: { } name }:
                w.WriteStartObject("toolChoice");
                w.WriteStartObject("tool");
                w.WriteString("name", name);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case RequiredChatToolMode:
                w.WriteStartObject("toolChoice");
                w.WriteStartObject("any");
                w.WriteEndObject();
                w.WriteEndObject();
                break;
        }

        w.WriteEndObject();
    }
}
