using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MockLlm;

/// <summary>Anthropic Messages API (streaming and not, tool_use blocks).</summary>
internal static class AnthropicHandler
{
    public static async Task MessagesAsync(HttpContext ctx, JsonObject request, FaultPlan plan)
    {
        var model = request["model"]?.GetValue<string>() ?? "mock-claude";
        if (request["messages"] is not JsonArray messages || messages.Count == 0)
        {
            await MockEndpoints.WriteErrorAsync(ctx, MockEndpoints.Api.Anthropic, 400, null, "messages: must be a non-empty array");
            return;
        }

        var lastUser = messages.LastOrDefault(m => m?["role"]?.GetValue<string>() == "user");
        var toolResult = (lastUser?["content"] as JsonArray)?.FirstOrDefault(b => b?["type"]?.GetValue<string>() == "tool_result");
        var userText = toolResult is null ? MockEndpoints.TextOf(lastUser?["content"]) : "";
        var reply = MockReply.For(userText, toolResult is null ? null : MockEndpoints.TextOf(toolResult["content"]));
        var inputTokens = messages.Sum(m => MockReply.CountTokens(MockEndpoints.TextOf(m?["content"])))
            + (request["system"] is { } system ? MockReply.CountTokens(MockEndpoints.TextOf(system)) : 0);
        var outputTokens = MockReply.CountTokens(reply.Text ?? reply.ToolArguments ?? "");
        var id = "msg_mock" + Guid.NewGuid().ToString("N")[..12];
        var stopReason = reply.IsToolCall ? "tool_use" : "end_turn";

        if (request["stream"]?.GetValue<bool>() == true)
        {
            await StreamAsync(ctx, plan, id, model, reply, inputTokens, outputTokens, stopReason);
            return;
        }

        var block = reply.IsToolCall
            ? new JsonObject { ["type"] = "tool_use", ["id"] = "toolu_mock1", ["name"] = reply.ToolName, ["input"] = JsonNode.Parse(reply.ToolArguments!) }
            : new JsonObject { ["type"] = "text", ["text"] = reply.Text };
        var response = new JsonObject
        {
            ["id"] = id,
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = model,
            ["content"] = new JsonArray(block),
            ["stop_reason"] = stopReason,
            ["stop_sequence"] = null,
            ["usage"] = Usage(plan, inputTokens, outputTokens),
        };
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(response.ToJsonString(), ctx.RequestAborted);
    }

    /// <summary>
    /// <c>POST /v1/messages/count_tokens</c>: the mock's word count of system, messages and each tool's name and
    /// description (the same count its usage reports), so a test can tell the provider's answer from the gateway's.
    /// </summary>
    public static async Task CountTokensAsync(HttpContext ctx, JsonObject request, FaultPlan plan)
    {
        if (request["messages"] is not JsonArray messages || messages.Count == 0)
        {
            await MockEndpoints.WriteErrorAsync(ctx, MockEndpoints.Api.Anthropic, 400, null, "messages: must be a non-empty array");
            return;
        }

        var tokens = messages.Sum(m => MockReply.CountTokens(MockEndpoints.TextOf(m?["content"])))
            + (request["system"] is { } system ? MockReply.CountTokens(MockEndpoints.TextOf(system)) : 0)
            + (request["tools"] as JsonArray ?? []).Sum(t => MockReply.CountTokens($"{t?["name"]} {t?["description"]}"));
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(new JsonObject { ["input_tokens"] = tokens }.ToJsonString(), ctx.RequestAborted);
    }

    private static JsonObject Usage(FaultPlan plan, int input, int output) =>
        plan.IncludeUsage ? new JsonObject { ["input_tokens"] = input, ["output_tokens"] = output } : new JsonObject { ["output_tokens"] = 0 };

    private static async Task StreamAsync(HttpContext ctx, FaultPlan plan, string id, string model, MockReply reply, int inputTokens, int outputTokens, string stopReason)
    {
        MockEndpoints.StartStream(ctx);
        var sent = 0;

        async Task<bool> Send(string name, JsonObject data)
        {
            if (plan.DropAfterChunks is { } limit && sent >= limit)
            {
                await MockEndpoints.AbortMidStreamAsync(ctx);
                return false;
            }

            data["type"] = name;
            await MockEndpoints.WriteEventAsync(ctx, name, data.ToJsonString());
            sent++;
            return true;
        }

        var startUsage = plan.IncludeUsage ? new JsonObject { ["input_tokens"] = inputTokens, ["output_tokens"] = 1 } : new JsonObject { ["output_tokens"] = 0 };
        var message = new JsonObject
        {
            ["id"] = id, ["type"] = "message", ["role"] = "assistant", ["model"] = model, ["content"] = new JsonArray(),
            ["stop_reason"] = null, ["stop_sequence"] = null, ["usage"] = startUsage,
        };
        if (!await Send("message_start", new JsonObject { ["message"] = message }))
        {
            return;
        }

        var contentBlock = reply.IsToolCall
            ? new JsonObject { ["type"] = "tool_use", ["id"] = "toolu_mock1", ["name"] = reply.ToolName, ["input"] = new JsonObject() }
            : new JsonObject { ["type"] = "text", ["text"] = "" };
        if (!await Send("content_block_start", new JsonObject { ["index"] = 0, ["content_block"] = contentBlock }))
        {
            return;
        }

        var pieces = reply.IsToolCall ? MockReply.Chunk(reply.ToolArguments!, 8) : MockReply.Chunk(reply.Text!, plan.ChunkSize);
        var first = true;
        foreach (var piece in pieces)
        {
            var delta = reply.IsToolCall
                ? new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = piece }
                : new JsonObject { ["type"] = "text_delta", ["text"] = piece };
            if (!await Send("content_block_delta", new JsonObject { ["index"] = 0, ["delta"] = delta }))
            {
                return;
            }

            if (first && plan.HoldAfterFirstContent is { } hold)
            {
                await hold.WaitAsync(ctx.RequestAborted);
            }

            first = false;
        }

        if (!await Send("content_block_stop", new JsonObject { ["index"] = 0 }))
        {
            return;
        }

        var endUsage = new JsonObject { ["output_tokens"] = plan.IncludeUsage ? outputTokens : 0 };
        if (!await Send("message_delta", new JsonObject { ["delta"] = new JsonObject { ["stop_reason"] = stopReason, ["stop_sequence"] = null }, ["usage"] = endUsage }))
        {
            return;
        }

        await Send("message_stop", new JsonObject());
    }
}
