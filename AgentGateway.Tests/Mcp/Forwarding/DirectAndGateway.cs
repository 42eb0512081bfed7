using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using ModelContextProtocol.Client;

namespace AgentGateway.Tests.Mcp.Forwarding;

/// <summary>
/// One test server with two clients: one through a gateway whose only target it is (a 2025-11-25 client on the shared
/// connections, so its requests may be forwarded), one straight to the server, to compare their answers.
/// </summary>
internal sealed class DirectAndGateway : IAsyncDisposable
{
    private TestMcpServer _server = null!;
    private TestGateway _gateway = null!;

    /// <summary>The client of the gateway.</summary>
    public McpClient Client { get; private set; } = null!;

    /// <summary>The client of the server itself.</summary>
    public McpClient Direct { get; private set; } = null!;

    public static async Task<DirectAndGateway> StartAsync()
    {
        var rig = new DirectAndGateway { _server = await TestMcpServer.StartAsync() };
        rig._gateway = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", rig._server.Url)));
        rig.Client = await McpTestClient.ConnectAsync(rig._gateway);
        rig.Direct = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(rig._server.Url),
            TransportMode = HttpTransportMode.StreamableHttp,
        }), new McpClientOptions { ProtocolVersion = "2025-11-25" }, cancellationToken: TestContext.Current.CancellationToken);
        return rig;
    }

    public async ValueTask DisposeAsync()
    {
        await Direct.DisposeAsync();
        await Client.DisposeAsync();
        await _gateway.DisposeAsync();
        await _server.DisposeAsync();
    }
}
