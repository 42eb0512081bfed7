using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>One upstream and one gateway whose mcp route is guarded by <paramref name="policy"/>, shared by a test class's cases.</summary>
public abstract class CedarMcpGateway(string policy) : IAsyncLifetime
{
    private TestMcpServer _upstream = null!;
    private TestGateway _gateway = null!;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await TestMcpServer.StartAsync();
        _gateway = await TestGateway.StartAsync(CedarProbeConfig.McpRoute(_upstream.Url, policy));
        Client = _gateway.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
