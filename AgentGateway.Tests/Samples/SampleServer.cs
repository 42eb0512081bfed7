using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;

namespace AgentGateway.Tests.Samples;

/// <summary>Hosts a sample MCP server on 127.0.0.1 with a random port (real Kestrel, real HTTP).</summary>
internal sealed class SampleServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SampleServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri McpEndpoint => new(BaseAddress, "/mcp");

    public static async Task<SampleServer> StartAsync(Func<string[], WebApplication> build)
    {
        var app = build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SampleServer(app, new Uri(address));
    }

    /// <summary>
    /// Connects with protocol 2025-11-25 unless the options say otherwise: the session-based revision is
    /// the one that carries sampling, elicitation and progress over a session (the SDK's default, 2026-07-28, is sessionless).
    /// </summary>
    public Task<McpClient> ConnectAsync(McpClientOptions? options = null)
    {
        options ??= new McpClientOptions();
        options.ProtocolVersion ??= SessionProtocolVersion;
        return McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = McpEndpoint,
                TransportMode = HttpTransportMode.StreamableHttp,
            }),
            options,
            cancellationToken: TestContext.Current.CancellationToken);
    }

    public const string SessionProtocolVersion = "2025-11-25";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
