using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MockLlm;

/// <summary>Routes of the mock: OpenAI (also Azure deployment paths), Anthropic (messages, count_tokens), Ollama native, health.</summary>
internal static class MockEndpoints
{
    public static void Map(WebApplication app, MockState state)
    {
        app.MapGet("/health", () => Results.Text("ok"));
        app.MapGet("/v1/models", () => Results.Json(new
        {
            @object = "list",
            data = state.Options.Models.Select(m => new { id = m, @object = "model", created = 1700000000, owned_by = "mock" }),
        }));

        app.MapPost("/v1/chat/completions", ctx => Handle(ctx, state, Api.OpenAi, OpenAiHandler.ChatAsync));
        app.MapPost("/openai/deployments/{deployment}/chat/completions", ctx => Handle(ctx, state, Api.OpenAi, OpenAiHandler.ChatAsync));
        app.MapPost("/v1/embeddings", ctx => Handle(ctx, state, Api.OpenAi, OpenAiHandler.EmbeddingsAsync));
        app.MapPost("/openai/deployments/{deployment}/embeddings", ctx => Handle(ctx, state, Api.OpenAi, OpenAiHandler.EmbeddingsAsync));
        app.MapPost("/v1/messages", ctx => Handle(ctx, state, Api.Anthropic, AnthropicHandler.MessagesAsync));
        app.MapPost("/v1/messages/count_tokens", ctx => Handle(ctx, state, Api.Anthropic, AnthropicHandler.CountTokensAsync));
        app.MapPost("/v1/responses", ctx => Handle(ctx, state, Api.OpenAi, ResponsesHandler.CreateAsync));
        app.MapPost("/api/chat", ctx => Handle(ctx, state, Api.OpenAi, OllamaHandler.ChatAsync));
        app.MapPost("/api/embed", ctx => Handle(ctx, state, Api.OpenAi, OllamaHandler.EmbedAsync));
        app.MapPost("/model/{model}/converse", ctx => Handle(ctx, state, Api.Bedrock, BedrockHandler.ConverseAsync));
        app.MapPost("/model/{model}/converse-stream", ctx => Handle(ctx, state, Api.Bedrock, BedrockHandler.ConverseAsync));
        InstanceMetadataHandler.Map(app, state);
        GeminiHandler.Map(app, state, Handle);
        ManagedIdentityHandler.Map(app, state);
    }

    internal enum Api { OpenAi, Anthropic, Bedrock, Google }

    private static async Task Handle(HttpContext ctx, MockState state, Api api, Func<HttpContext, JsonObject, FaultPlan, Task> handler)
    {
        var number = state.Next();
        string body;
        using (var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(ctx.RequestAborted);
        }

        state.Requests.Enqueue(new RecordedRequest(
            ctx.Request.Method,
            ctx.Request.Path + ctx.Request.QueryString,
            ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body));

        ctx.Response.Headers["x-request-id"] = "req_mock" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (CredentialProblem(ctx, state, api, body) is { } problem)
        {
            await WriteErrorAsync(ctx, api, 403, null, problem);
            return;
        }

        var plan = FaultPlan.For(ctx.Request, state.Options, number);
        if (plan.LatencyMs > 0)
        {
            await Task.Delay(plan.LatencyMs, ctx.RequestAborted);
        }

        if (plan.Drop)
        {
            ctx.Abort();
            return;
        }

        if (plan.Status is { } status && status >= 400)
        {
            await WriteErrorAsync(ctx, api, status, plan.RetryAfterSeconds, "injected failure " + status);
            return;
        }

        JsonObject? request;
        try
        {
            request = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is null)
        {
            await WriteErrorAsync(ctx, api, 400, null, "request body must be a JSON object");
            return;
        }

        await handler(ctx, request, plan);
    }

    public static Task WriteErrorAsync(HttpContext ctx, Api api, int status, int? retryAfter, string message)
    {
        ctx.Response.StatusCode = status;
        if (retryAfter is { } seconds)
        {
            ctx.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (api == Api.Bedrock)
        {
            ctx.Response.Headers["x-amzn-ErrorType"] = status == 429 ? "ThrottlingException" : status == 403 ? "AccessDeniedException" : status >= 500 ? "InternalServerException" : "ValidationException";
            return ctx.Response.WriteAsJsonAsync(new { message });
        }

        if (api == Api.Google)
        {
            var code = status == 429 ? "RESOURCE_EXHAUSTED" : status == 403 ? "PERMISSION_DENIED" : status == 401 ? "UNAUTHENTICATED" : status >= 500 ? "UNAVAILABLE" : "INVALID_ARGUMENT";
            return ctx.Response.WriteAsJsonAsync(new { error = new { code = status, message, status = code } });
        }

        object payload = api == Api.OpenAi
            ? new { error = new { message, type = status == 429 ? "rate_limit_error" : status >= 500 ? "server_error" : "invalid_request_error", param = (string?)null, code = (string?)null } }
            : new { type = "error", error = new { type = status == 429 ? "rate_limit_error" : status >= 500 ? "api_error" : "invalid_request_error", message } };
        return ctx.Response.WriteAsJsonAsync(payload);
    }

    /// <summary>Provider credential checks the real services make: SigV4 (or a bearer key) for Bedrock.</summary>
    private static string? CredentialProblem(HttpContext ctx, MockState state, Api api, string body) => api switch
    {
        Api.Bedrock => SigV4Check.Problem(ctx, body, state.Options),
        Api.Google => GeminiHandler.CredentialProblem(ctx),
        _ => null,
    };

    /// <summary>
    /// Resets the connection mid-stream. A TCP reset makes the peer drop bytes it has not read yet, so give the
    /// already-flushed events a moment to be consumed first; otherwise the "mid-stream" failure would look like a
    /// failure before the first byte.
    /// </summary>
    public static async Task AbortMidStreamAsync(HttpContext ctx)
    {
        await Task.Delay(300, CancellationToken.None);
        ctx.Abort();
    }

    /// <summary>Writes one server-sent event and flushes it.</summary>
    public static async Task WriteEventAsync(HttpContext ctx, string? eventName, string data)
    {
        var text = (eventName is null ? "" : "event: " + eventName + "\n") + "data: " + data + "\n\n";
        await ctx.Response.WriteAsync(text, ctx.RequestAborted);
        await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
    }

    public static void StartStream(HttpContext ctx)
    {
        ctx.Response.ContentType = "text/event-stream";
        ctx.Response.Headers.CacheControl = "no-cache";
    }

    /// <summary>Text of a content value that is either a string or an array of typed parts.</summary>
    public static string TextOf(JsonNode? content)
    {
        if (content is JsonValue v && v.TryGetValue<string>(out var s))
        {
            return s;
        }

        if (content is JsonArray parts)
        {
            var sb = new StringBuilder();
            foreach (var part in parts)
            {
                if (part?["text"] is JsonValue t && t.TryGetValue<string>(out var text))
                {
                    sb.Append(text);
                }
                else if (part?["content"] is { } nested)
                {
                    sb.Append(TextOf(nested));
                }
            }

            return sb.ToString();
        }

        return "";
    }
}
