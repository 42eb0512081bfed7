using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MockLlm;

/// <summary>OpenAI chat completions (streaming, tool calls) and embeddings.</summary>
internal static class OpenAiHandler
{
    public static async Task ChatAsync(HttpContext ctx, JsonObject request, FaultPlan plan)
    {
        var model = request["model"]?.GetValue<string>() ?? "mock-gpt";
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
        var completionTokens = MockReply.CountTokens(reply.Text ?? reply.ToolArguments ?? "");
        var id = "chatcmpl-mock" + Guid.NewGuid().ToString("N")[..12];
        var usage = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens };

        if (request["stream"]?.GetValue<bool>() == true)
        {
            var includeUsage = request["stream_options"]?["include_usage"]?.GetValue<bool>() == true && plan.IncludeUsage;
            await StreamAsync(ctx, plan, id, model, reply, includeUsage ? usage : null);
            return;
        }

        var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.Text, ["refusal"] = null };
        if (reply.IsToolCall)
        {
            message["tool_calls"] = new JsonArray(ToolCall(reply, full: true));
        }

        var response = new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["logprobs"] = null,
                ["finish_reason"] = reply.IsToolCall ? "tool_calls" : "stop",
            }),
            ["system_fingerprint"] = "mock",
        };
        if (plan.IncludeUsage)
        {
            response["usage"] = usage;
        }

        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(response.ToJsonString(), ctx.RequestAborted);
    }

    private static JsonObject ToolCall(MockReply reply, bool full) => new()
    {
        ["index"] = 0,
        ["id"] = "call_mock1",
        ["type"] = "function",
        ["function"] = new JsonObject { ["name"] = reply.ToolName, ["arguments"] = full ? reply.ToolArguments : "" },
    };

    private static async Task StreamAsync(HttpContext ctx, FaultPlan plan, string id, string model, MockReply reply, JsonObject? usage)
    {
        MockEndpoints.StartStream(ctx);
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var sent = 0;

        async Task<bool> Send(JsonObject delta, string? finish, JsonObject? usageValue = null, bool noChoices = false)
        {
            if (plan.DropAfterChunks is { } limit && sent >= limit)
            {
                await MockEndpoints.AbortMidStreamAsync(ctx);
                return false;
            }

            var chunk = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion.chunk",
                ["created"] = created,
                ["model"] = model,
                ["system_fingerprint"] = "mock",
                ["choices"] = noChoices ? new JsonArray() : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finish }),
            };
            if (usageValue is not null)
            {
                chunk["usage"] = usageValue;
            }

            await MockEndpoints.WriteEventAsync(ctx, null, chunk.ToJsonString());
            sent++;
            return true;
        }

        if (!await Send(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null))
        {
            return;
        }

        if (reply.IsToolCall)
        {
            if (!await Send(new JsonObject { ["tool_calls"] = new JsonArray(ToolCall(reply, full: false)) }, null))
            {
                return;
            }

            foreach (var piece in MockReply.Chunk(reply.ToolArguments!, 8))
            {
                var args = new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = piece } };
                if (!await Send(new JsonObject { ["tool_calls"] = new JsonArray(args) }, null))
                {
                    return;
                }
            }
        }
        else
        {
            var first = true;
            foreach (var piece in MockReply.Chunk(reply.Text!, plan.ChunkSize))
            {
                if (!await Send(new JsonObject { ["content"] = piece }, null))
                {
                    return;
                }

                if (first && plan.HoldAfterFirstContent is { } hold)
                {
                    await hold.WaitAsync(ctx.RequestAborted);
                }

                first = false;
            }
        }

        if (!await Send(new JsonObject(), reply.IsToolCall ? "tool_calls" : "stop"))
        {
            return;
        }

        if (usage is not null && !await Send(new JsonObject(), null, usage, noChoices: true))
        {
            return;
        }

        await ctx.Response.WriteAsync("data: [DONE]\n\n", ctx.RequestAborted);
    }

    public static async Task EmbeddingsAsync(HttpContext ctx, JsonObject request, FaultPlan plan)
    {
        var model = request["model"]?.GetValue<string>() ?? "mock-embed";
        var inputs = request["input"] switch
        {
            JsonArray a => a.Select(x => x?.ToString() ?? "").ToList(),
            JsonValue v => [v.ToString()],
            _ => [],
        };
        var base64 = request["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = Vector(inputs[i]);
            JsonNode embedding = base64
                ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()))
                : new JsonArray([.. vector.Select(f => (JsonNode)f)]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        var tokens = inputs.Sum(MockReply.CountTokens);
        var response = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        };
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(response.ToJsonString(), ctx.RequestAborted);
    }

    /// <summary>A deterministic 4-dimensional vector derived from the text.</summary>
    public static float[] Vector(string text)
    {
        var v = new float[4];
        for (var i = 0; i < text.Length; i++)
        {
            v[i % 4] += text[i] / 1000f;
        }

        v[3] = text.Length;
        return v;
    }
}
