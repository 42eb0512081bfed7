using System.Buffers;
using System.Text;
using System.Text.Json;
using AgentGateway.Llm.Wire;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Providers.Anthropic;

/// <summary>
/// Writes a Messages API request body from Microsoft.Extensions.AI messages: system text as top-level
/// <c>system</c> blocks, one <c>user</c>/<c>assistant</c> message per chat message (tool results travel as user
/// messages), then <c>max_tokens</c>, sampling, stop sequences, tools and <c>tool_choice</c>.
/// </summary>
/// <remarks>
/// Mirrors what the Anthropic SDK's <c>IChatClient</c> sent (blank texts dropped, assistant text trimmed at the end, an
/// empty conversation sent as one zero-width-space user turn), with two deliberate differences: temperature and
/// top_p are sent (the SDK dropped them), and tool schemas go upstream as the client wrote them (the SDK rewrote
/// them for its structured-output rules).
/// </remarks>
internal static class MessagesRequestWriter
{
    public static ReadOnlyMemory<byte> Write(string model, IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("model", model);
            w.WriteNumber("max_tokens", options?.MaxOutputTokens ?? AnthropicChatClient.DefaultMaxTokens);
            WriteSystem(w, list, options);
            WriteMessages(w, list);
            WriteSampling(w, options);
            WriteTools(w, options);
            WriteOutputFormat(w, options);
            if (stream)
            {
                w.WriteBoolean("stream", true);
            }

            w.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private static void WriteSystem(Utf8JsonWriter w, IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var started = false;
        foreach (var m in messages)
        {
            if (m.Role != ChatRole.System)
            {
                continue;
            }

            foreach (var content in m.Contents)
            {
                if (content is TextContent t)
                {
                    StartSystem(w, ref started);
                    WriteText(w, t.Text);
                }
            }
        }

        if (options?.Instructions is { } instructions)
        {
            StartSystem(w, ref started);
            WriteText(w, instructions);
        }

        if (started)
        {
            w.WriteEndArray();
        }

        static void StartSystem(Utf8JsonWriter w, ref bool started)
        {
            if (!started)
            {
                w.WriteStartArray("system");
                started = true;
            }
        }
    }

    private static void WriteMessages(Utf8JsonWriter w, IReadOnlyList<ChatMessage> messages)
    {
        w.WriteStartArray("messages");
        var any = false;
        foreach (var m in messages)
        {
            if (m.Role == ChatRole.System)
            {
                continue;
            }

            var assistant = m.Role == ChatRole.Assistant;
            var open = false;
            foreach (var content in m.Contents)
            {
                if (!HasBlock(content, assistant))
                {
                    continue;
                }

                if (!open)
                {
                    w.WriteStartObject();
                    w.WriteString("role", assistant ? "assistant" : "user");
                    w.WriteStartArray("content");
                    open = true;
                }

                WriteBlock(w, content, assistant);
            }

            if (open)
            {
                w.WriteEndArray();
                w.WriteEndObject();
                any = true;
            }
        }

        if (!any)
        {
            // The API refuses an empty conversation; the SDK sent one invisible user turn instead.
            w.WriteStartObject();
            w.WriteString("role", "user");
            w.WriteString("content", "\u200b");
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static bool HasBlock(AIContent content, bool assistant) => content switch
    {
        TextContent t => !string.IsNullOrWhiteSpace(assistant ? t.Text.TrimEnd() : t.Text),
        DataContent d => d.HasTopLevelMediaType("image") || d.HasTopLevelMediaType("text") || IsPdf(d.MediaType),
        UriContent u => u.HasTopLevelMediaType("image") || IsPdf(u.MediaType),
        FunctionCallContent or FunctionResultContent => true,
        _ => false,
    };

    private static void WriteBlock(Utf8JsonWriter w, AIContent content, bool assistant)
    {
        switch (content)
        {
            case TextContent t:
                WriteText(w, assistant ? t.Text.TrimEnd() : t.Text);
                break;
            case DataContent d:
                w.WriteStartObject();
                w.WriteString("type", d.HasTopLevelMediaType("image") ? "image" : "document");
                w.WriteStartObject("source");
                if (d.HasTopLevelMediaType("text"))
                {
                    w.WriteString("type", "text");
                    w.WriteString("media_type", "text/plain");
                    w.WriteString("data", Encoding.UTF8.GetString(d.Data.Span));
                }
                else
                {
                    w.WriteString("type", "base64");
                    w.WriteString("media_type", d.MediaType);
                    w.WriteBase64String("data", d.Data.Span);
                }

                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case UriContent u:
                w.WriteStartObject();
                w.WriteString("type", u.HasTopLevelMediaType("image") ? "image" : "document");
                w.WriteStartObject("source");
                w.WriteString("type", "url");
                w.WriteString("url", u.Uri.AbsoluteUri);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case FunctionCallContent call:
                w.WriteStartObject();
                w.WriteString("type", "tool_use");
                w.WriteString("id", call.CallId);
                w.WriteString("name", call.Name);
                w.WritePropertyName("input");
                FinishReasons.WriteArgumentsObject(w, call);
                w.WriteEndObject();
                break;
            case FunctionResultContent result:
                w.WriteStartObject();
                w.WriteString("type", "tool_result");
                w.WriteString("tool_use_id", result.CallId);
                w.WriteBoolean("is_error", result.Exception is not null);
                w.WriteString("content", result.Result switch
                {
                    string s => s,
                    _ => JsonSerializer.Serialize(result.Result, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object))),
                });
                w.WriteEndObject();
                break;
        }
    }

    private static void WriteText(Utf8JsonWriter w, string text)
    {
        w.WriteStartObject();
        w.WriteString("type", "text");
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    private static bool IsPdf(string? mediaType) => string.Equals(mediaType, "application/pdf", StringComparison.OrdinalIgnoreCase);

    private static void WriteSampling(Utf8JsonWriter w, ChatOptions? options)
    {
        if (options?.Temperature is { } temperature)
        {
            w.WriteNumber("temperature", temperature);
        }

        if (options?.TopP is { } topP)
        {
            w.WriteNumber("top_p", topP);
        }

        if (options?.StopSequences is { Count: > 0 } stops)
        {
            w.WriteStartArray("stop_sequences");
            foreach (var s in stops)
            {
                w.WriteStringValue(s);
            }

            w.WriteEndArray();
        }
    }

    private static void WriteTools(Utf8JsonWriter w, ChatOptions? options)
    {
        if (options?.Tools?.OfType<AIFunctionDeclaration>().ToList() is { Count: > 0 } tools)
        {
            w.WriteStartArray("tools");
            foreach (var tool in tools)
            {
                w.WriteStartObject();
                w.WriteString("name", tool.Name);
                if (!string.IsNullOrEmpty(tool.Description))
                {
                    w.WriteString("description", tool.Description);
                }

                w.WritePropertyName("input_schema");
                tool.JsonSchema.WriteTo(w);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        var choice = options?.ToolMode switch
        {
            AutoChatToolMode => "auto",
            NoneChatToolMode => "none",
            RequiredChatToolMode { RequiredFunctionName: not null } => "tool",
            RequiredChatToolMode => "any",
            _ => null,
        };
        if (choice is null)
        {
            return;
        }

        w.WriteStartObject("tool_choice");
        w.WriteString("type", choice);
        if (options!.ToolMode is RequiredChatToolMode { RequiredFunctionName: { } name })
        {
            w.WriteString("name", name);
        }

        if (choice != "none" && options.AllowMultipleToolCalls is { } parallel)
        {
            w.WriteBoolean("disable_parallel_tool_use", !parallel);
        }

        w.WriteEndObject();
    }

    /// <summary>A JSON-schema response format becomes <c>output_config.format</c> (object schemas only, closed).</summary>
    private static void WriteOutputFormat(Utf8JsonWriter w, ChatOptions? options)
    {
        if (options?.ResponseFormat is not ChatResponseFormatJson { Schema: { ValueKind: JsonValueKind.Object } schema }
            || !schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        w.WriteStartObject("output_config");
        w.WriteStartObject("format");
        w.WriteString("type", "json_schema");
        w.WriteStartObject("schema");
        foreach (var property in schema.EnumerateObject())
        {
            if (property.Name is not ("type" or "additionalProperties"))
            {
                property.WriteTo(w);
            }
        }

        w.WriteString("type", "object");
        w.WriteBoolean("additionalProperties", false);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
