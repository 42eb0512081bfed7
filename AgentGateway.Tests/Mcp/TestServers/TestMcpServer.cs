using AgentGateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Tests.Mcp.TestServers;

/// <summary>
/// A real MCP server built with the C# SDK on Kestrel at a loopback port: Streamable HTTP at <c>/mcp</c>, or the
/// legacy SSE transport at <c>/sse</c>. It can be stopped and restarted on the same port (target dies / comes back).
/// </summary>
public sealed class TestMcpServer : IAsyncDisposable
{
    private readonly bool _sse;
    private WebApplication? _app;

    private TestMcpServer(bool sse, int port)
    {
        _sse = sse;
        Port = port;
    }

    public int Port { get; }

    public TestToolState State { get; } = new();

    /// <summary>The URL a gateway target uses.</summary>
    public string Url => _sse ? $"http://127.0.0.1:{Port}/sse" : $"http://127.0.0.1:{Port}/mcp";

    public static async Task<TestMcpServer> StartAsync(bool sse = false)
    {
        var server = new TestMcpServer(sse, FreePort.Next());
        await server.RestartAsync();
        return server;
    }

    public async Task RestartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(State);
        var mcp = builder.Services.AddMcpServer()
            .WithHttpTransport(o =>
            {
#pragma warning disable MCP9004, MCP9006 // The legacy SSE server is exactly what this test double is for.
                o.SessionMode = ModelContextProtocol.AspNetCore.HttpServerSessionMode.Stateful;
                o.EnableLegacySse = _sse;
#pragma warning restore MCP9004, MCP9006
#pragma warning disable MCPEXP002 // The session loop hook is how the tests see upstream sessions start and end.
                o.RunSessionHandler = async (_, server, ct) =>
                {
                    State.Sessions[server] = true;
                    try
                    {
                        await server.RunAsync(ct);
                    }
                    finally
                    {
                        State.Sessions[server] = false;
                    }
                };
#pragma warning restore MCPEXP002
            });
        if (_sse)
        {
            mcp.WithTools<SseTools>();
        }
        else
        {
            mcp.WithTools<HttpTools>().WithTools<InteractiveTools>().WithPrompts<HttpPrompts>().WithResources<HttpResources>();
        }

        _app = builder.Build();
        _app.MapMcp(_sse ? "" : "/mcp");
        await _app.StartAsync();
    }

    /// <summary>Stops the server abruptly (connections are cut, in-flight calls never answer).</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            await app.StopAsync(cts.Token);
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
