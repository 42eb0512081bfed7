using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MockLlm;

/// <summary>OpenAI Responses API (<c>/v1/responses</c>): text echo, streaming as response.* events.</summary>
internal static class ResponsesHandler
{
    public static async Task CreateAsync(HttpContext ctx, JsonObject request, FaultPlan plan)
    {
        var model = request["model"]?.GetValue<string>() ?? "mock-gpt";
        var input = request["input"] switch
        {
            JsonValue v => v.ToString(),
            JsonArray items => MockEndpoints.TextOf(items.LastOrDefault(i => i?["role"]?.GetValue<string>() == "user")?["content"]),
            _ => "",
        };
        var reply = MockReply.For(input, null);
        var text = reply.Text ?? "";
        var id = "resp_mock" + Guid.NewGuid().ToString("N")[..12];
        var inputTokens = MockReply.CountTokens(input);
        var outputTokens = MockReply.CountTokens(text);

        JsonObject Response(string status, JsonArray output) => new()
        {
            ["id"] = id,
            ["object"] = "response",
            ["created_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["status"] = status,
            ["model"] = model,
            ["output"] = output,
            ["usage"] = status == "completed" && plan.IncludeUsage
                ? new JsonObject { ["input_tokens"] = inputTokens, ["output_tokens"] = outputTokens, ["total_tokens"] = inputTokens + outputTokens }
                : null,
        };
        JsonArray Output() => new(new JsonObject
        {
            ["type"] = "message",
            ["id"] = "msg_" + id,
            ["status"] = "completed",
            ["role"] = "assistant",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "output_text", ["text"] = text, ["annotations"] = new JsonArray() }),
        });

        if (request["stream"]?.GetValue<bool>() != true)
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(Response("completed", Output()).ToJsonString(), ctx.RequestAborted);
            return;
        }

        MockEndpoints.StartStream(ctx);
        var sequence = 0;
        Task Send(string type, JsonObject data)
        {
            data["type"] = type;
            data["sequence_number"] = sequence++;
            return MockEndpoints.WriteEventAsync(ctx, type, data.ToJsonString());
        }

        await Send("response.created", new JsonObject { ["response"] = Response("in_progress", []) });
        foreach (var piece in MockReply.Chunk(text, plan.ChunkSize))
        {
            await Send("response.output_text.delta", new JsonObject { ["item_id"] = "msg_" + id, ["output_index"] = 0, ["content_index"] = 0, ["delta"] = piece });
        }

        await Send("response.completed", new JsonObject { ["response"] = Response("completed", Output()) });
    }
}
