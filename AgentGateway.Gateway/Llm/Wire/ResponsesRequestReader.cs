using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>Reads an OpenAI Responses API body (<c>input</c> as text or items) into Microsoft.Extensions.AI messages.</summary>
internal static class ResponsesRequestReader
{
    public static ChatRequest Read(JsonObject body)
    {
        var model = JsonRead.RequiredString(body, "model");
        var messages = new List<ChatMessage>();
        if (JsonRead.String(body["instructions"], "instructions") is { Length: > 0 } instructions)
        {
            messages.Add(new ChatMessage(ChatRole.System, instructions));
        }

        switch (body["input"])
        {
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                messages.Add(new ChatMessage(ChatRole.User, v.GetValue<string>()));
                break;
            case JsonArray { Count: > 0 } items:
                for (var i = 0; i < items.Count; i++)
                {
                    messages.Add(ReadItem(items[i] as JsonObject ?? throw new LlmRequestException(400, $"'input[{i}]' must be an object.", $"input[{i}]"), i));
                }

                break;
            case null:
                throw new LlmRequestException(400, "Missing required parameter: 'input'.", "input", "missing_required_parameter");
            default:
                throw new LlmRequestException(400, "'input' must be a string or a non-empty array.", "input");
        }

        var options = new ChatOptions
        {
            ModelId = model,
            MaxOutputTokens = JsonRead.Int(body["max_output_tokens"], "max_output_tokens"),
            Temperature = (float?)JsonRead.Number(body["temperature"], "temperature"),
            TopP = (float?)JsonRead.Number(body["top_p"], "top_p"),
        };
        if (body["tools"] is JsonArray tools)
        {
            options.Tools = [];
            foreach (var tool in tools.OfType<JsonObject>().Where(t => JsonRead.String(t["type"], "tools.type") == "function"))
            {
                var schema = JsonSerializer.SerializeToElement(tool["parameters"] ?? new JsonObject { ["type"] = "object" }, GatewayJson.Node);
                options.Tools.Add(AIFunctionFactory.CreateDeclaration(JsonRead.RequiredName(tool, "name", "tools.name"), JsonRead.String(tool["description"], "tools.description"), schema));
            }
        }

        return new ChatRequest(model, messages, options, JsonRead.Bool(body["stream"], "stream"), false, body);
    }

    private static ChatMessage ReadItem(JsonObject item, int i)
    {
        var type = JsonRead.String(item["type"], $"input[{i}].type") ?? "message";
        switch (type)
        {
            case "function_call":
                return new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(
                    JsonRead.String(item["call_id"], $"input[{i}].call_id") ?? "",
                    JsonRead.String(item["name"], $"input[{i}].name") ?? "",
                    JsonRead.Arguments(JsonRead.String(item["arguments"], $"input[{i}].arguments")))]);
            case "function_call_output":
                return new ChatMessage(ChatRole.Tool, [new FunctionResultContent(
                    JsonRead.String(item["call_id"], $"input[{i}].call_id") ?? "",
                    JsonRead.String(item["output"], $"input[{i}].output") ?? "")]);
            case "message":
                var role = JsonRead.RequiredString(item, "role", $"input[{i}].role") switch
                {
                    "user" => ChatRole.User,
                    "assistant" => ChatRole.Assistant,
                    "system" or "developer" => ChatRole.System,
                    var r => throw new LlmRequestException(400, $"Invalid value for 'input[{i}].role': '{r}'.", $"input[{i}].role"),
                };
                return new ChatMessage(role, ReadContent(item["content"], $"input[{i}].content"));
            default:
                throw new LlmRequestException(400, $"Unsupported input item type '{type}'.", $"input[{i}].type");
        }
    }

    private static List<AIContent> ReadContent(JsonNode? content, string param)
    {
        if (content is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return [new TextContent(v.GetValue<string>())];
        }

        if (content is not JsonArray parts)
        {
            throw new LlmRequestException(400, $"'{param}' must be a string or an array of content parts.", param);
        }

        var list = new List<AIContent>();
        foreach (var part in parts.OfType<JsonObject>())
        {
            switch (JsonRead.String(part["type"], param + ".type"))
            {
                case "input_text" or "output_text" or "text":
                    list.Add(new TextContent(JsonRead.String(part["text"], param + ".text") ?? ""));
                    break;
                case "input_image":
                    var url = JsonRead.String(part["image_url"], param + ".image_url") ?? "";
                    list.Add(url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? new DataContent(url) : new UriContent(new Uri(url, UriKind.Absolute), "image/*"));
                    break;
                default:
                    throw new LlmRequestException(400, $"Unsupported content part type in '{param}'.", param);
            }
        }

        return list;
    }
}
