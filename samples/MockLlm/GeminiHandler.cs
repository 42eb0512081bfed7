using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MockLlm;

/// <summary>
/// Gemini's native API (<c>/v1beta/models/{model}:generateContent</c>, <c>:streamGenerateContent?alt=sse</c>) and the
/// same body on Vertex AI's publisher-model paths, plus an OAuth token endpoint (<c>POST /token</c>) that answers
/// a service account's signed JWT assertion with an access token, as Google's does.
/// </summary>
internal static class GeminiHandler
{
    public const string AccessToken = "ya29.mock-vertex-token";

    public static void Map(WebApplication app, MockState state, Func<HttpContext, MockState, MockEndpoints.Api, Func<HttpContext, JsonObject, FaultPlan, Task>, Task> handle)
    {
        app.MapPost("/v1beta/models/{*rest}", ctx => handle(ctx, state, MockEndpoints.Api.Google, GenerateAsync));
        app.MapPost("/v1/projects/{project}/locations/{location}/publishers/google/models/{*rest}", ctx => handle(ctx, state, MockEndpoints.Api.Google, GenerateAsync));
        app.MapPost("/token", async ctx =>
        {
            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            var assertion = form["assertion"].ToString();
            if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer" || assertion.Split('.').Length != 3)
            {
                ctx.Response.StatusCode = 400;
                await ctx.Response.WriteAsJsonAsync(new { error = "invalid_grant" }, ctx.RequestAborted);
                return;
            }

            state.TokensIssued++;
            await ctx.Response.WriteAsJsonAsync(new { access_token = AccessToken, expires_in = 3600, token_type = "Bearer" }, ctx.RequestAborted);
        });
    }

    public static string? CredentialProblem(HttpContext ctx) =>
        ctx.Request.Headers["x-goog-api-key"].ToString().Length > 0 || ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
            ? null
            : "Method doesn't allow unregistered callers. Please use an API key or other form of API consumer identity.";

    private static async Task GenerateAsync(HttpContext ctx, JsonObject request, FaultPlan plan)
    {
        var rest = ctx.Request.RouteValues["rest"]?.ToString() ?? "";
        var stream = rest.EndsWith(":streamGenerateContent", StringComparison.Ordinal);
        if (request["contents"] is not JsonArray contents || contents.Count == 0)
        {
            await MockEndpoints.WriteErrorAsync(ctx, MockEndpoints.Api.Google, 400, null, "contents is not specified");
            return;
        }

        var last = contents.LastOrDefault(c => c?["role"]?.GetValue<string>() == "user")?["parts"] as JsonArray ?? [];
        var functionResponse = last.Select(p => p?["functionResponse"]).FirstOrDefault(r => r is not null);
        var reply = MockReply.For(Text(last), functionResponse?["response"]?["result"]?.ToString());
        var input = contents.Sum(c => MockReply.CountTokens(Text(c?["parts"] as JsonArray ?? [])));
        var output = MockReply.CountTokens(reply.Text ?? reply.ToolArguments ?? "");
        var usage = new JsonObject { ["promptTokenCount"] = input, ["candidatesTokenCount"] = output, ["totalTokenCount"] = input + output };
        var modelVersion = rest.Split(':')[0];
        if (!stream)
        {
            var part = reply.IsToolCall
                ? new JsonObject { ["functionCall"] = new JsonObject { ["name"] = reply.ToolName, ["args"] = JsonNode.Parse(reply.ToolArguments!) } }
                : new JsonObject { ["text"] = reply.Text };
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(Chunk(new JsonArray(part), "STOP", plan.IncludeUsage ? usage : null, modelVersion).ToJsonString(), ctx.RequestAborted);
            return;
        }

        MockEndpoints.StartStream(ctx);
        var sent = 0;
        var pieces = reply.IsToolCall ? [] : MockReply.Chunk(reply.Text!, plan.ChunkSize).ToList();
        if (reply.IsToolCall)
        {
            await MockEndpoints.WriteEventAsync(ctx, null, Chunk(new JsonArray(new JsonObject { ["functionCall"] = new JsonObject { ["name"] = reply.ToolName, ["args"] = JsonNode.Parse(reply.ToolArguments!) } }), "STOP", plan.IncludeUsage ? usage : null, modelVersion).ToJsonString());
            return;
        }

        for (var i = 0; i < pieces.Count; i++)
        {
            if (plan.DropAfterChunks is { } limit && sent >= limit)
            {
                await MockEndpoints.AbortMidStreamAsync(ctx);
                return;
            }

            var isLast = i == pieces.Count - 1;
            await MockEndpoints.WriteEventAsync(ctx, null, Chunk(new JsonArray(new JsonObject { ["text"] = pieces[i] }), isLast ? "STOP" : null, plan.IncludeUsage ? (JsonObject)usage.DeepClone() : null, modelVersion).ToJsonString());
            sent++;
        }
    }

    private static JsonObject Chunk(JsonArray parts, string? finishReason, JsonObject? usage, string modelVersion)
    {
        var candidate = new JsonObject { ["content"] = new JsonObject { ["role"] = "model", ["parts"] = parts }, ["index"] = 0 };
        if (finishReason is not null)
        {
            candidate["finishReason"] = finishReason;
        }

        var chunk = new JsonObject { ["candidates"] = new JsonArray(candidate), ["modelVersion"] = modelVersion, ["responseId"] = "mock-gemini-response" };
        if (usage is not null)
        {
            chunk["usageMetadata"] = usage;
        }

        return chunk;
    }

    private static string Text(JsonArray parts) =>
        string.Concat(parts.Select(p => p?["text"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : ""));
}
