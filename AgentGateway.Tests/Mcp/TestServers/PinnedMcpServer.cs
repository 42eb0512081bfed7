using AgentGateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Tests.Mcp.TestServers;

/// <summary>
/// A real C# SDK MCP server that speaks exactly one protocol revision: <c>McpServerOptions.ProtocolVersion</c> makes
/// it answer that revision to any <c>initialize</c> and refuse requests whose <c>MCP-Protocol-Version</c> header
/// names another. 2024-11-05 is served over the legacy HTTP+SSE transport (its URL is <c>/sse</c>), the others over
/// Streamable HTTP (<c>/mcp</c>). It records the protocol versions its clients asked for and the headers they sent.
/// </summary>
public sealed class PinnedMcpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PinnedMcpServer(WebApplication app, string revision, string url)
    {
        _app = app;
        Revision = revision;
        Url = url;
    }

    public string Revision { get; }

    /// <summary>The URL a gateway target uses.</summary>
    public string Url { get; }

    public TestToolState State { get; } = new();

    /// <summary>The <c>MCP-Protocol-Version</c> headers of the requests it received (null: none sent).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string?> ProtocolHeaders { get; } = new();

    public static async Task<PinnedMcpServer> StartAsync(string revision)
    {
        var sse = revision == "2024-11-05";
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMcpServer(o =>
            {
                o.ProtocolVersion = revision;
                o.ServerInfo = new() { Name = $"pinned-{revision}", Version = "1.0.0" };
            })
            .WithHttpTransport(o =>
            {
#pragma warning disable MCP9004, MCP9006 // Legacy SSE and stateful sessions are what the older revisions need.
                o.SessionMode = ModelContextProtocol.AspNetCore.HttpServerSessionMode.Stateful;
                o.EnableLegacySse = sse;
#pragma warning restore MCP9004, MCP9006
            })
            .WithTools<RevisionTools>().WithTools<InteractiveTools>().WithPrompts<HttpPrompts>().WithResources<HttpResources>();
        var app = builder.Build();
        var server = new PinnedMcpServer(app, revision, $"http://127.0.0.1:{port}/{(sse ? "sse" : "mcp")}");
        app.Use((context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method))
            {
                server.ProtocolHeaders.Enqueue(context.Request.Headers["MCP-Protocol-Version"].FirstOrDefault());
            }

            return next(context);
        });
        app.MapMcp(sse ? "" : "/mcp");
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}
