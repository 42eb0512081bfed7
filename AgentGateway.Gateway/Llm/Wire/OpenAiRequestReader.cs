using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>Reads an OpenAI chat-completions body into Microsoft.Extensions.AI messages and options.</summary>
internal static class OpenAiRequestReader
{
    public static ChatRequest Read(JsonObject body)
    {
        var model = JsonRead.RequiredString(body, "model");
        var messages = new List<ChatMessage>();
        var array = JsonRead.RequiredArray(body, "messages");
        for (var i = 0; i < array.Count; i++)
        {
            messages.Add(ReadMessage(array[i] as JsonObject ?? throw new LlmRequestException(400, $"'messages[{i}]' must be an object.", $"messages[{i}]"), i));
        }

        var options = new ChatOptions
        {
            ModelId = model,
            Temperature = (float?)JsonRead.Number(body["temperature"], "temperature"),
            TopP = (float?)JsonRead.Number(body["top_p"], "top_p"),
            MaxOutputTokens = JsonRead.Int(body["max_completion_tokens"], "max_completion_tokens") ?? JsonRead.Int(body["max_tokens"], "max_tokens"),
            FrequencyPenalty = (float?)JsonRead.Number(body["frequency_penalty"], "frequency_penalty"),
            PresencePenalty = (float?)JsonRead.Number(body["presence_penalty"], "presence_penalty"),
            Seed = (long?)JsonRead.Number(body["seed"], "seed"),
        };
        options.StopSequences = body["stop"] switch
        {
            null => null,
            JsonArray a => [.. a.Select((s, i) => JsonRead.String(s, $"stop[{i}]") ?? "")],
            var s => JsonRead.String(s, "stop") is { } one ? [one] : null,
        };
        ReadTools(body, options);
        options.ResponseFormat = ReadResponseFormat(body["response_format"]);

        var stream = JsonRead.Bool(body["stream"], "stream");
        var includeUsage = stream && JsonRead.Bool(JsonRead.OptionalObject(body["stream_options"], "stream_options")?["include_usage"], "stream_options.include_usage");
        return new ChatRequest(model, messages, options, stream, includeUsage, body);
    }

    private static ChatMessage ReadMessage(JsonObject m, int i)
    {
        var role = JsonRead.RequiredString(m, "role", $"messages[{i}].role");
        var contents = ReadContent(m["content"], $"messages[{i}].content");
        switch (role)
        {
            case "system" or "developer":
                return new ChatMessage(ChatRole.System, contents);
            case "user":
                return new ChatMessage(ChatRole.User, contents);
            case "assistant":
                if (m["tool_calls"] is JsonArray calls)
                {
                    foreach (var call in calls.OfType<JsonObject>())
                    {
                        var fn = call["function"] as JsonObject;
                        contents.Add(new FunctionCallContent(
                            JsonRead.String(call["id"], "tool_calls.id") ?? "",
                            JsonRead.String(fn?["name"], "tool_calls.function.name") ?? "",
                            JsonRead.Arguments(JsonRead.String(fn?["arguments"], "tool_calls.function.arguments"))));
                    }
                }

                return new ChatMessage(ChatRole.Assistant, contents);
            case "tool" or "function":
                var callId = JsonRead.String(m["tool_call_id"], $"messages[{i}].tool_call_id") ?? "";
                var text = string.Concat(contents.OfType<TextContent>().Select(t => t.Text));
                return new ChatMessage(ChatRole.Tool, [new FunctionResultContent(callId, text)]);
            default:
                throw new LlmRequestException(400, $"Invalid value for 'messages[{i}].role': '{role}'.", $"messages[{i}].role");
        }
    }

    private static List<AIContent> ReadContent(JsonNode? content, string param)
    {
        switch (content)
        {
            case null:
                return [];
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                return [new TextContent(v.GetValue<string>())];
            case JsonValue v when v.GetValueKind() == JsonValueKind.Null:
                return [];
            case JsonArray parts:
                var list = new List<AIContent>();
                foreach (var part in parts.OfType<JsonObject>())
                {
                    switch (JsonRead.String(part["type"], param + ".type"))
                    {
                        case "text":
                            list.Add(new TextContent(JsonRead.String(part["text"], param + ".text") ?? ""));
                            break;
                        case "image_url":
                            var url = JsonRead.String(part["image_url"] is JsonObject image ? image["url"] : part["image_url"], param + ".image_url.url") ?? "";
                            list.Add(url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
                                ? new DataContent(url)
                                : new UriContent(new Uri(url, UriKind.Absolute), "image/*"));
                            break;
                        default:
                            throw new LlmRequestException(400, $"Unsupported content part type in '{param}'.", param);
                    }
                }

                return list;
            default:
                throw new LlmRequestException(400, $"'{param}' must be a string or an array of content parts.", param);
        }
    }

    private static void ReadTools(JsonObject body, ChatOptions options)
    {
        if (body["tools"] is JsonArray tools)
        {
            options.Tools = [];
            foreach (var tool in tools.OfType<JsonObject>())
            {
                var fn = JsonRead.Object(tool["function"], "tools.function");
                var schema = fn["parameters"] is { } p ? JsonSerializer.SerializeToElement(p, GatewayJson.Node) : EmptySchema;
                options.Tools.Add(AIFunctionFactory.CreateDeclaration(JsonRead.RequiredName(fn, "name", "tools.function.name"), JsonRead.String(fn["description"], "tools.function.description"), schema));
            }
        }

        options.ToolMode = body["tool_choice"] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>() switch
            {
                "none" => ChatToolMode.None,
                "required" => ChatToolMode.RequireAny,
                _ => ChatToolMode.Auto,
            },
            JsonObject o => ChatToolMode.RequireSpecific(JsonRead.RequiredName(JsonRead.Object(o["function"], "tool_choice.function"), "name", "tool_choice.function.name")),
            _ => throw new LlmRequestException(400, "'tool_choice' must be a string or an object.", "tool_choice"),
        };
    }

    private static ChatResponseFormat? ReadResponseFormat(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var format = JsonRead.Object(node, "response_format");
        return JsonRead.String(format["type"], "response_format.type") switch
        {
            "json_object" => ChatResponseFormat.Json,
            "json_schema" when format["json_schema"] is JsonObject js => ChatResponseFormat.ForJsonSchema(
                js["schema"] is { } s ? JsonSerializer.SerializeToElement(s, GatewayJson.Node) : EmptySchema,
                JsonRead.String(js["name"], "response_format.json_schema.name"),
                JsonRead.String(js["description"], "response_format.json_schema.description")),
            "text" or null => ChatResponseFormat.Text,
            _ => throw new LlmRequestException(400, "Invalid 'response_format.type'.", "response_format.type"),
        };
    }

    private static readonly JsonElement EmptySchema = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement.Clone();
}
