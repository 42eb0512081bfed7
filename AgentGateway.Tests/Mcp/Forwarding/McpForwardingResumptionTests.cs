using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;

namespace AgentGateway.Tests.Mcp.Forwarding;

/// <summary>
/// A target that closes a forwarded call's event stream before the answer (as servers do to shed long-lived
/// connections, SEP-1699) is resumed as the SDK client would: after the stream's <c>retry</c>, with a GET that names
/// the last event, and the answer that arrives there reaches the client.
/// </summary>
public sealed class McpForwardingResumptionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ForwardedCall_WhoseStreamTheTargetCloses_IsResumedWithLastEventId_AfterTheRetryInterval()
    {
        using var spans = new ForwardedSpans();
        await using var server = await RawMcpServer.StartAsync("2025-11-25", closeCallStreams: true);
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("raw", server.Url, "streamable-http")));
        await using var client = await McpTestClient.ConnectAsync(gw);
        Assert.True(await McpTestClient.EventuallyAsync(async () =>
            (await client.ListToolsAsync(cancellationToken: Ct)).Any(t => t.Name == "hello"), TimeSpan.FromSeconds(10)), "the target's tool is listed");

        var result = await client.CallToolAsync("hello", cancellationToken: Ct);

        Assert.Equal("hello after resuming", McpFederationTests.Text(result));
        var (lastEventId, afterClose) = Assert.Single(server.Resumed);
        Assert.Equal("call-1", lastEventId);
        // The retry is honoured (not a fixed or immediate reconnect); the clock starts after the target's close.
        Assert.True(afterClose >= RawMcpServer.Retry - TimeSpan.FromMilliseconds(50), $"resumed {afterClose.TotalMilliseconds} ms after the close");
        Assert.True(ForwardedSpans.IsForwarded(Assert.Single(spans.Of("hello", client.SessionId))), "the call took the SDK path");
    }
}
