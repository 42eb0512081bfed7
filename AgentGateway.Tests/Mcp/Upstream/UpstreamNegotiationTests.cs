using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;

namespace AgentGateway.Tests.Mcp.Upstream;

/// <summary>
/// The gateway as an MCP client negotiates the revision: it offers the newest initialize revision (2025-11-25) and
/// works with a server that answers any older one the SDK supports, without probing for 2026-07-28 first.
/// </summary>
public sealed class UpstreamNegotiationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("2024-11-05")]
    [InlineData("2025-03-26")]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    public async Task Target_AnsweringARevision_IsOfferedTheNewestThroughInitialize_AndCalledOnItsRevision(string revision)
    {
        await using var server = await RawMcpServer.StartAsync(revision);
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("raw", server.Url, "streamable-http")));
        await using var client = await McpTestClient.ConnectAsync(gw);

        Assert.True(await McpTestClient.EventuallyAsync(async () =>
            (await client.ListToolsAsync(cancellationToken: Ct)).Any(t => t.Name == "hello"), TimeSpan.FromSeconds(10)), "the target's tool is listed");
        var result = await client.CallToolAsync("hello", cancellationToken: Ct);

        Assert.Equal($"hello from a {revision} server", McpFederationTests.Text(result));
        var received = server.Received.ToList();
        // The first message is the handshake, offering 2025-11-25; no 2026-07-28 server/discover probe (this server
        // answers unknown methods with an empty result and a session header, which would break the connection).
        Assert.Equal(("initialize", "2025-11-25"), (received[0].Method, received[0].ProtocolVersionParam));
        Assert.DoesNotContain(received, r => r.Method == "server/discover");
        // After the handshake every request says which revision was negotiated.
        Assert.All(received.Skip(1), r => Assert.Equal(revision, r.ProtocolVersionHeader));
    }

    [Fact]
    public async Task Target_AnsweringAnUnknownRevision_IsNotConnected_AndCallsSayItIsUnavailable()
    {
        await using var server = await RawMcpServer.StartAsync("2099-01-01");
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(
            McpTestClient.UrlTarget("raw", server.Url, "streamable-http") + McpTestPaths.EverythingTarget("everything")));
        await using var client = await McpTestClient.ConnectAsync(gw);

        Assert.True(await McpTestClient.EventuallyAsync(async () =>
            (await client.ListToolsAsync(cancellationToken: Ct)).Any(t => t.Name == "everything_echo"), TimeSpan.FromSeconds(20)), "the other target is up");
        var tools = await client.ListToolsAsync(cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() =>
            client.CallToolAsync("raw_hello", cancellationToken: Ct).AsTask());

        Assert.DoesNotContain(tools, t => t.Name == "raw_hello");
        Assert.Contains("'raw' is unavailable", error.Message, StringComparison.Ordinal);
    }
}
