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
/// It has one tool, <c>hello</c>.
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

    public static async Task<RawMcpServer> StartAsync(string answeredRevision)
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
        app.MapGet("/mcp", () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed)); // no standalone stream
        app.MapDelete("/mcp", () => Results.Ok());
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
