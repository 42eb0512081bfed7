using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>Reads an Anthropic Messages body into Microsoft.Extensions.AI messages and options.</summary>
internal static class AnthropicRequestReader
{
    /// <param name="body">The request body.</param>
    /// <param name="promptOnly">A count_tokens body: the prompt (system, messages, tools) without <c>max_tokens</c>.</param>
    public static ChatRequest Read(JsonObject body, bool promptOnly = false)
    {
        var model = JsonRead.RequiredString(body, "model");
        var maxTokens = JsonRead.Int(body["max_tokens"], "max_tokens");
        if (maxTokens is null && !promptOnly)
        {
            throw new LlmRequestException(400, "max_tokens: Field required", "max_tokens");
        }
        var messages = new List<ChatMessage>();
        var system = ReadBlocks(body["system"], "system", ChatRole.System);
        if (system.Count > 0)
        {
            messages.Add(new ChatMessage(ChatRole.System, system));
        }

        var array = JsonRead.RequiredArray(body, "messages");
        for (var i = 0; i < array.Count; i++)
        {
            var m = array[i] as JsonObject ?? throw new LlmRequestException(400, $"messages.{i}: must be an object");
            var role = JsonRead.RequiredString(m, "role", $"messages.{i}.role") switch
            {
                "user" => ChatRole.User,
                "assistant" => ChatRole.Assistant,
                var r => throw new LlmRequestException(400, $"messages.{i}.role: invalid role '{r}'"),
            };
            var contents = ReadBlocks(m["content"], $"messages.{i}.content", role);

            // Tool results travel as tool-role messages in Microsoft.Extensions.AI.
            var results = contents.OfType<FunctionResultContent>().ToList<AIContent>();
            if (results.Count > 0)
            {
                messages.Add(new ChatMessage(ChatRole.Tool, results));
            }

            var rest = contents.Where(c => c is not FunctionResultContent).ToList();
            if (rest.Count > 0 || results.Count == 0)
            {
                messages.Add(new ChatMessage(role, rest));
            }
        }

        var options = new ChatOptions
        {
            ModelId = model,
            MaxOutputTokens = maxTokens,
            Temperature = (float?)JsonRead.Number(body["temperature"], "temperature"),
            TopP = (float?)JsonRead.Number(body["top_p"], "top_p"),
            TopK = JsonRead.Int(body["top_k"], "top_k"),
        };
        if (body["stop_sequences"] is JsonArray stops)
        {
            options.StopSequences = [.. stops.Select((s, i) => JsonRead.String(s, $"stop_sequences.{i}") ?? "")];
        }

        ReadTools(body, options);
        var stream = JsonRead.Bool(body["stream"], "stream");
        return new ChatRequest(model, messages, options, stream, stream, body);
    }

    private static List<AIContent> ReadBlocks(JsonNode? content, string param, ChatRole role)
    {
        switch (content)
        {
            case null:
                return [];
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                return [new TextContent(v.GetValue<string>())];
            case JsonArray blocks:
                var list = new List<AIContent>();
                for (var i = 0; i < blocks.Count; i++)
                {
                    var b = blocks[i] as JsonObject ?? throw new LlmRequestException(400, $"{param}.{i}: must be an object");
                    list.Add(ReadBlock(b, $"{param}.{i}", role));
                }

                return list;
            default:
                throw new LlmRequestException(400, $"{param}: must be a string or an array of content blocks");
        }
    }

    private static AIContent ReadBlock(JsonObject b, string param, ChatRole role)
    {
        switch (JsonRead.String(b["type"], param + ".type"))
        {
            case "text":
                return new TextContent(JsonRead.String(b["text"], param + ".text") ?? "");
            case "image":
                var source = JsonRead.Object(b["source"], param + ".source");
                return JsonRead.String(source["type"], param + ".source.type") == "url"
                    ? new UriContent(new Uri(JsonRead.String(source["url"], param + ".source.url") ?? "", UriKind.Absolute), "image/*")
                    : new DataContent(Convert.FromBase64String(JsonRead.String(source["data"], param + ".source.data") ?? ""), JsonRead.String(source["media_type"], param + ".source.media_type") ?? "image/png");
            case "tool_use" when role == ChatRole.Assistant:
                return new FunctionCallContent(JsonRead.String(b["id"], param + ".id") ?? "", JsonRead.String(b["name"], param + ".name") ?? "", JsonRead.Arguments(b["input"]));
            case "tool_result":
                var text = b["content"] switch
                {
                    JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => JsonRead.String(p["text"], param + ".content.text"))),
                    var c => JsonRead.String(c, param + ".content") ?? "",
                };
                return new FunctionResultContent(JsonRead.String(b["tool_use_id"], param + ".tool_use_id") ?? "", text);
            default:
                throw new LlmRequestException(400, $"{param}.type: unsupported content block type");
        }
    }

    private static void ReadTools(JsonObject body, ChatOptions options)
    {
        if (body["tools"] is JsonArray tools)
        {
            options.Tools = [];
            foreach (var tool in tools.OfType<JsonObject>())
            {
                var schema = tool["input_schema"] is { } s ? JsonSerializer.SerializeToElement(s, GatewayJson.Node) : JsonSerializer.SerializeToElement<JsonNode>(new JsonObject { ["type"] = "object" }, GatewayJson.Node);
                options.Tools.Add(AIFunctionFactory.CreateDeclaration(JsonRead.RequiredName(tool, "name", "tools.name"), JsonRead.String(tool["description"], "tools.description"), schema));
            }
        }

        if (body["tool_choice"] is JsonObject choice)
        {
            options.ToolMode = JsonRead.String(choice["type"], "tool_choice.type") switch
            {
                "any" => ChatToolMode.RequireAny,
                "none" => ChatToolMode.None,
                "tool" => ChatToolMode.RequireSpecific(JsonRead.RequiredName(choice, "name", "tool_choice.name")),
                _ => ChatToolMode.Auto,
            };
        }
    }
}
