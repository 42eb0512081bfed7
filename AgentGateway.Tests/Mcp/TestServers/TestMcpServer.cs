using AgentGateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Tests.Mcp.TestServers;

/// <summary>
/// A real MCP server built with the C# SDK on Kestrel at a loopback port: Streamable HTTP at <c>/mcp</c>, or the
/// legacy SSE transport at <c>/sse</c>. It can be stopped and restarted on the same port (target dies / comes back).
/// </summary>
public sealed class TestMcpServer : IAsyncDisposable
{
    private readonly bool _sse;
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2? _certificate;
    private readonly bool _requireClientCertificate;
    private WebApplication? _app;

    private TestMcpServer(bool sse, int port, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate, bool requireClientCertificate)
    {
        _sse = sse;
        Port = port;
        _certificate = certificate;
        _requireClientCertificate = requireClientCertificate;
    }

    public int Port { get; }

    public TestToolState State { get; } = new();

    /// <summary>The URL a gateway target uses.</summary>
    public string Url => $"{(_certificate is null ? "http" : "https")}://127.0.0.1:{Port}/{(_sse ? "sse" : "mcp")}";

    /// <summary>Starts the server; with <paramref name="certificate"/> it serves HTTPS (optionally requiring a client certificate).</summary>
    public static async Task<TestMcpServer> StartAsync(bool sse = false,
        System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null, bool requireClientCertificate = false)
    {
        var server = new TestMcpServer(sse, FreePort.Next(), certificate, requireClientCertificate);
        await server.RestartAsync();
        return server;
    }

    public async Task RestartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (_certificate is { } certificate)
        {
            Traffic.HttpsTestServer.ListenHttps(builder.WebHost, Port, certificate, _requireClientCertificate);
        }
        else
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        }

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
            mcp.WithTools<HttpTools>().WithTools<InteractiveTools>().WithPrompts<HttpPrompts>().WithResources<HttpResources>()
                .WithCompleteHandler(HttpPrompts.CompleteAsync)
                .WithRequestFilters(f => f.AddListToolsFilter(next => (ctx, ct) =>
                {
                    State.CountToolList();
                    return next(ctx, ct);
                }));
        }

        _app = builder.Build();
        _app.Use((context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method))
            {
                State.PostHeaders.Enqueue(context.Request.Headers.ToDictionary(static h => h.Key, static h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            }

            return next(context);
        });
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
