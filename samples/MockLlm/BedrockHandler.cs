using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MockLlm;

/// <summary>
/// AWS Bedrock Converse (<c>POST /model/{id}/converse</c>) and ConverseStream (<c>…/converse-stream</c>, answered
/// in the binary event-stream framing). <c>x-mock-stream-exception: throttlingException</c> (or the option) makes the stream's
/// first frame an exception, as Bedrock does when it throttles a stream.
/// </summary>
internal static class BedrockHandler
{
    public static async Task ConverseAsync(HttpContext ctx, JsonObject request, FaultPlan plan)
    {
        var model = Uri.UnescapeDataString(ctx.Request.RouteValues["model"]?.ToString() ?? "mock");
        if (request["messages"] is not JsonArray messages || messages.Count == 0)
        {
            await MockEndpoints.WriteErrorAsync(ctx, MockEndpoints.Api.Bedrock, 400, null, "messages: must be a non-empty array");
            return;
        }

        var last = messages.LastOrDefault(m => m?["role"]?.GetValue<string>() == "user")?["content"] as JsonArray ?? [];
        var toolResult = last.Select(b => b?["toolResult"]).FirstOrDefault(r => r is not null);
        var reply = MockReply.For(Text(last), toolResult is null ? null : Text(toolResult["content"] as JsonArray ?? []));
        var input = messages.Sum(m => MockReply.CountTokens(Text(m?["content"] as JsonArray ?? [])))
            + (request["system"] is JsonArray system ? MockReply.CountTokens(Text(system)) : 0);
        var output = MockReply.CountTokens(reply.Text ?? reply.ToolArguments ?? "");
        var stopReason = reply.IsToolCall ? "tool_use" : "end_turn";
        ctx.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (ctx.Request.Path.Value!.EndsWith("/converse-stream", StringComparison.Ordinal))
        {
            await StreamAsync(ctx, plan, reply, input, output, stopReason);
            return;
        }

        var block = reply.IsToolCall
            ? new JsonObject { ["toolUse"] = new JsonObject { ["toolUseId"] = "tooluse_mock1", ["name"] = reply.ToolName, ["input"] = JsonNode.Parse(reply.ToolArguments!) } }
            : new JsonObject { ["text"] = reply.Text };
        var response = new JsonObject
        {
            ["output"] = new JsonObject { ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = new JsonArray(block) } },
            ["stopReason"] = stopReason,
            ["usage"] = plan.IncludeUsage ? Usage(input, output) : null,
            ["metrics"] = new JsonObject { ["latencyMs"] = 1 },
        };
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(response.ToJsonString(), ctx.RequestAborted);
    }

    private static JsonObject Usage(int input, int output) => new() { ["inputTokens"] = input, ["outputTokens"] = output, ["totalTokens"] = input + output };

    private static async Task StreamAsync(HttpContext ctx, FaultPlan plan, MockReply reply, int input, int output, string stopReason)
    {
        ctx.Response.ContentType = "application/vnd.amazon.eventstream";
        var sent = 0;

        async Task<bool> Send(byte[] frame)
        {
            if (plan.DropAfterChunks is { } limit && sent >= limit)
            {
                await MockEndpoints.AbortMidStreamAsync(ctx);
                return false;
            }

            await ctx.Response.Body.WriteAsync(frame, ctx.RequestAborted);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            sent++;
            return true;
        }

        if (plan.StreamException is { } exception)
        {
            await Send(EventStreamWriter.Exception(exception, "injected " + exception));
            return;
        }

        if (!await Send(EventStreamWriter.Event("messageStart", "{\"role\":\"assistant\"}")))
        {
            return;
        }

        if (reply.IsToolCall && !await Send(EventStreamWriter.Event("contentBlockStart", new JsonObject
        {
            ["contentBlockIndex"] = 0,
            ["start"] = new JsonObject { ["toolUse"] = new JsonObject { ["toolUseId"] = "tooluse_mock1", ["name"] = reply.ToolName } },
        }.ToJsonString())))
        {
            return;
        }

        var pieces = reply.IsToolCall ? MockReply.Chunk(reply.ToolArguments!, 8) : MockReply.Chunk(reply.Text!, plan.ChunkSize);
        foreach (var piece in pieces)
        {
            var delta = reply.IsToolCall ? new JsonObject { ["toolUse"] = new JsonObject { ["input"] = piece } } : new JsonObject { ["text"] = piece };
            if (!await Send(EventStreamWriter.Event("contentBlockDelta", new JsonObject { ["contentBlockIndex"] = 0, ["delta"] = delta }.ToJsonString())))
            {
                return;
            }
        }

        if (!await Send(EventStreamWriter.Event("contentBlockStop", "{\"contentBlockIndex\":0}"))
            || !await Send(EventStreamWriter.Event("messageStop", new JsonObject { ["stopReason"] = stopReason }.ToJsonString())))
        {
            return;
        }

        if (plan.IncludeUsage)
        {
            await Send(EventStreamWriter.Event("metadata", new JsonObject { ["usage"] = Usage(input, output), ["metrics"] = new JsonObject { ["latencyMs"] = 1 } }.ToJsonString()));
        }
    }

    private static string Text(JsonArray blocks) =>
        string.Concat(blocks.Select(b => b?["text"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : ""));
}
