using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MockLlm;

/// <summary>Ollama's native API (<c>/api/chat</c> as NDJSON or one object, <c>/api/embed</c>), as OllamaSharp calls it.</summary>
internal static class OllamaHandler
{
    public static async Task ChatAsync(HttpContext ctx, JsonObject request, FaultPlan plan)
    {
        var model = request["model"]?.GetValue<string>() ?? "llama";
        if (request["messages"] is not JsonArray messages || messages.Count == 0)
        {
            await MockEndpoints.WriteErrorAsync(ctx, MockEndpoints.Api.OpenAi, 400, null, "messages must be a non-empty array");
            return;
        }

        var lastUser = messages.LastOrDefault(m => m?["role"]?.GetValue<string>() == "user");
        var last = messages[^1];
        var toolResult = last?["role"]?.GetValue<string>() == "tool" ? MockEndpoints.TextOf(last["content"]) : null;
        var reply = MockReply.For(MockEndpoints.TextOf(lastUser?["content"]), toolResult);
        var promptTokens = messages.Sum(m => MockReply.CountTokens(MockEndpoints.TextOf(m?["content"])));
        var evalTokens = MockReply.CountTokens(reply.Text ?? reply.ToolArguments ?? "");
        var stream = request["stream"]?.GetValue<bool>() ?? true; // Ollama streams unless told not to
        ctx.Response.ContentType = stream ? "application/x-ndjson" : "application/json";

        JsonObject Message(string content) => new() { ["role"] = "assistant", ["content"] = content };
        JsonObject Final(JsonObject message) => new()
        {
            ["model"] = model,
            ["created_at"] = DateTimeOffset.UtcNow.ToString("O"),
            ["message"] = message,
            ["done"] = true,
            ["done_reason"] = "stop",
            ["prompt_eval_count"] = plan.IncludeUsage ? promptTokens : 0,
            ["eval_count"] = plan.IncludeUsage ? evalTokens : 0,
        };

        var final = Message(stream || reply.IsToolCall ? "" : reply.Text!);
        if (reply.IsToolCall)
        {
            final["tool_calls"] = new JsonArray(new JsonObject { ["function"] = new JsonObject { ["name"] = reply.ToolName, ["arguments"] = JsonNode.Parse(reply.ToolArguments!) } });
        }

        if (stream && !reply.IsToolCall)
        {
            foreach (var piece in MockReply.Chunk(reply.Text!, plan.ChunkSize))
            {
                var line = new JsonObject { ["model"] = model, ["created_at"] = DateTimeOffset.UtcNow.ToString("O"), ["message"] = Message(piece), ["done"] = false };
                await ctx.Response.WriteAsync(line.ToJsonString() + "\n", ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            }
        }

        await ctx.Response.WriteAsync(Final(final).ToJsonString() + (stream ? "\n" : ""), ctx.RequestAborted);
    }

    public static async Task EmbedAsync(HttpContext ctx, JsonObject request, FaultPlan plan)
    {
        var inputs = request["input"] switch
        {
            JsonArray a => a.Select(x => x?.ToString() ?? "").ToList(),
            JsonValue v => [v.ToString()],
            _ => [],
        };
        var response = new JsonObject
        {
            ["model"] = request["model"]?.GetValue<string>() ?? "embed",
            ["embeddings"] = new JsonArray([.. inputs.Select(i => (JsonNode)new JsonArray([.. OpenAiHandler.Vector(i).Select(f => (JsonNode)f)]))]),
            ["prompt_eval_count"] = inputs.Sum(MockReply.CountTokens),
        };
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(response.ToJsonString(), ctx.RequestAborted);
    }
}
