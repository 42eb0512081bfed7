using System.Text;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Llm.Providers.Anthropic;

/// <summary>
/// A real HTTP server speaking just enough of the Messages API to script what the mock model cannot: it records each
/// request and answers with a fixed status and body (an event stream written as given, or an error JSON), so a test
/// controls cache-token usage, split tool-input deltas, stop reasons and <c>error</c> events exactly.
/// </summary>
internal sealed class ScriptedMessagesServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(IReadOnlyDictionary<string, string> Headers, string Body)> _requests = [];

    private ScriptedMessagesServer(WebApplication app, Uri baseUrl) => (_app, BaseUrl) = (app, baseUrl);

    public Uri BaseUrl { get; }

    public IReadOnlyList<(IReadOnlyDictionary<string, string> Headers, string Body)> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>SSE text from events: each <c>(name, json)</c> becomes <c>event: name</c> + <c>data: json</c>.</summary>
    public static string Sse(params (string Name, string Json)[] events) =>
        string.Concat(events.Select(e => $"event: {e.Name}\ndata: {e.Json}\n\n"));

    public static async Task<ScriptedMessagesServer> StartAsync(string body, int status = 200)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var port = FreePort.Next();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedMessagesServer(app, new Uri($"http://127.0.0.1:{port}"));
        app.MapPost("/v1/messages", async ctx =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var request = await reader.ReadToEndAsync();
            lock (server._requests)
            {
                server._requests.Add((ctx.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), request));
            }

            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = status == 200 ? "text/event-stream" : "application/json";
            await ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
