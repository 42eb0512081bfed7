using System.Collections.Concurrent;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.A2A;

/// <summary>
/// A real OpenAI-compatible HTTP endpoint on loopback for the Travel agent: streams a scripted reply word by word
/// (chat.completion.chunk events and [DONE]). While the conversation has one user message it asks a question
/// (so the agent goes input-required); afterwards it answers. Keeps every request body for assertions.
/// </summary>
internal sealed class ScriptedLlmServer : IAsyncDisposable
{
    public const string Question = "QUESTION: When do you want to travel?";
    public const string Answer = "Plan: three days in Lisbon in May, fly TAP, stay in Alfama.";

    private readonly WebApplication _app;

    private ScriptedLlmServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    public static async Task<ScriptedLlmServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var port = FreePort.Next();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedLlmServer(app, new Uri($"http://127.0.0.1:{port}/v1"));
        app.MapPost("/v1/chat/completions", server.CompleteAsync);
        await app.StartAsync();
        return server;
    }

    private async Task CompleteAsync(HttpContext context)
    {
        var body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement.Clone();
        Requests.Enqueue(body);
        var userTurns = body.GetProperty("messages").EnumerateArray().Count(m => m.GetProperty("role").GetString() == "user");
        var reply = userTurns <= 1 ? Question : Answer;

        context.Response.ContentType = "text/event-stream";
        var words = reply.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var delta = new { role = "assistant", content = (i == 0 ? "" : " ") + words[i] };
            await WriteChunkAsync(context, new { index = 0, delta, finish_reason = (string?)null });
        }

        await WriteChunkAsync(context, new { index = 0, delta = new { }, finish_reason = "stop" });
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static async Task WriteChunkAsync(HttpContext context, object choice)
    {
        var chunk = new { id = "chatcmpl-test", @object = "chat.completion.chunk", created = 1_700_000_000, model = "test-model", choices = new[] { choice } };
        await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
        await context.Response.Body.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
