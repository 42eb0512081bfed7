using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentGateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Tests.Mcp.TestServers;

/// <summary>
/// A protocol-level Streamable HTTP MCP server written by hand (no SDK), for what SDK servers cannot be made to do:
/// it answers <c>initialize</c> with whatever revision it is given, answers every method it does not know with an
/// empty result (as several real servers and the conformance suite's test servers do), puts its session id on every
/// response, and records each request's method, <c>protocolVersion</c> param and <c>MCP-Protocol-Version</c> header.
/// It has one tool, <c>hello</c>. Started with <c>closeCallStreams</c>, it answers <c>tools/call</c> as the
/// conformance suite's sse-retry server does: an event stream with one priming event (an id and a <c>retry</c>) that
/// it closes before the answer, which it sends on the GET that resumes the stream with <c>Last-Event-ID</c>.
/// </summary>
public sealed class RawMcpServer : IAsyncDisposable
{
    private const string SessionId = "raw-session-1";
    private readonly WebApplication _app;

    private RawMcpServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Every POSTed message: its method, the <c>protocolVersion</c> param (initialize) and the header.</summary>
    public ConcurrentQueue<(string Method, string? ProtocolVersionParam, string? ProtocolVersionHeader)> Received { get; } = new();

    /// <summary>Every GET that resumed a closed call stream: its <c>Last-Event-ID</c> and how long after the close it came.</summary>
    public ConcurrentQueue<(string LastEventId, TimeSpan AfterClose)> Resumed { get; } = new();

    /// <summary>The <c>retry</c> a closed call stream gives (with <c>closeCallStreams</c>).</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(400);

    public static async Task<RawMcpServer> StartAsync(string answeredRevision, bool closeCallStreams = false)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var server = new RawMcpServer(app, $"http://127.0.0.1:{port}/mcp");
        app.MapPost("/mcp", async context =>
        {
            var message = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
            var method = message?["method"]?.GetValue<string>() ?? "(response)";
            server.Received.Enqueue((method, message?["params"]?["protocolVersion"]?.GetValue<string>(), context.Request.Headers["MCP-Protocol-Version"].FirstOrDefault()));
            context.Response.Headers["Mcp-Session-Id"] = SessionId;
            if (message?["id"] is not { } id)
            {
                context.Response.StatusCode = StatusCodes.Status202Accepted; // a notification or a response
                return;
            }

            if (closeCallStreams && method == "tools/call")
            {
                await server.CloseCallStreamAsync(context, id.DeepClone());
                return;
            }

            JsonNode result = method switch
            {
                "initialize" => new JsonObject
                {
                    ["protocolVersion"] = answeredRevision,
                    ["capabilities"] = new JsonObject { ["tools"] = new JsonObject() },
                    ["serverInfo"] = new JsonObject { ["name"] = "raw", ["version"] = "1.0.0" },
                },
                "tools/list" => new JsonObject
                {
                    ["tools"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "hello",
                        ["description"] = "Says hello",
                        ["inputSchema"] = new JsonObject { ["type"] = "object" },
                    }),
                },
                "tools/call" => new JsonObject
                {
                    ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "hello from a " + answeredRevision + " server" }),
                },
                _ => new JsonObject(),
            };
            await context.Response.WriteAsJsonAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result },
                JsonSerializerOptions.Default, context.RequestAborted);
        });
        app.MapGet("/mcp", server.ResumeAsync); // no standalone stream: only resumption
        app.MapDelete("/mcp", () => Results.Ok());
        await app.StartAsync();
        return server;
    }

    private readonly ConcurrentQueue<(JsonNode Id, long ClosedAt)> _pending = new();

    private async Task CloseCallStreamAsync(HttpContext context, JsonNode id)
    {
        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync($"id: call-1\nretry: {(int)Retry.TotalMilliseconds}\ndata: \n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        _pending.Enqueue((id, System.Diagnostics.Stopwatch.GetTimestamp()));
    }

    private async Task ResumeAsync(HttpContext context)
    {
        var lastEventId = context.Request.Headers["Last-Event-ID"].ToString();
        if (lastEventId.Length == 0 || !_pending.TryDequeue(out var pending))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        Resumed.Enqueue((lastEventId, System.Diagnostics.Stopwatch.GetElapsedTime(pending.ClosedAt)));
        context.Response.Headers["Mcp-Session-Id"] = SessionId;
        context.Response.ContentType = "text/event-stream";
        var answer = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = pending.Id,
            ["result"] = new JsonObject { ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "hello after resuming" }) },
        };
        await context.Response.WriteAsync($"id: call-2\ndata: {answer.ToJsonString()}\n\n", context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
