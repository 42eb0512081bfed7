#pragma warning disable MCP9005 // Sampling is deprecated in 2026-07-28; these tests are about 2025-x clients that still use it.
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Tests.Mcp.Forwarding;

/// <summary>
/// Which tools/call requests take the forwarding path (a session on the shared connections, a Streamable HTTP target,
/// a client of 2025-06-18 or later) and that what they get is what a direct call gets; the others keep the SDK path.
/// </summary>
public sealed class McpForwardingPathTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallTool_SharedSessionOnStreamableHttpTarget_IsForwardedAndMatchesADirectCall()
    {
        using var spans = new ForwardedSpans();
        await using var rig = await DirectAndGateway.StartAsync();
        var (client, direct) = (rig.Client, rig.Direct);
        var arguments = new Dictionary<string, object?> { ["a"] = 2, ["b"] = 40 };

        var viaGateway = await client.CallToolAsync("add", arguments, cancellationToken: Ct);
        var viaDirect = await direct.CallToolAsync("add", arguments, cancellationToken: Ct);

        Assert.Equal(Serialize(viaDirect), Serialize(viaGateway));
        Assert.Contains("42", Serialize(viaGateway), StringComparison.Ordinal);
        var span = Assert.Single(spans.Of("add", client.SessionId));
        Assert.True(ForwardedSpans.IsForwarded(span), "the call took the SDK path");
        Assert.Equal("http", span.GetTagItem("agentgateway.mcp.target"));
        Assert.Equal(direct.NegotiatedProtocolVersion, span.GetTagItem("agentgateway.mcp.target.protocol_version"));
    }

    [Fact]
    public async Task CallTool_ProgressFromTarget_ReachesClientWithItsOwnTokenOnTheForwardedPath()
    {
        using var spans = new ForwardedSpans();
        await using var http = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", http.Url)));
        await using var client = await McpTestClient.ConnectAsync(gw);
        var updates = new List<ProgressNotificationValue>();

        var result = await client.CallToolAsync("countdown", new Dictionary<string, object?> { ["n"] = 3 }, new Collect(updates), cancellationToken: Ct);

        Assert.Equal("liftoff", McpFederationTests.Text(result));
        // The SDK client hands a notification to the progress only when it carries the token the client sent.
        Assert.True(await McpTestClient.EventuallyAsync(() => Task.FromResult(Count(updates) >= 3), TimeSpan.FromSeconds(5)), $"got {Count(updates)} updates");
        lock (updates)
        {
            Assert.Equal([1.0, 2.0, 3.0], updates.Select(u => (double)u.Progress).Order());
        }

        Assert.True(ForwardedSpans.IsForwarded(Assert.Single(spans.Of("countdown", client.SessionId))));
    }

    [Fact]
    public async Task CallTool_ClientThatSamples_KeepsTheSdkPathAndGetsTheTargetsSamplingRequest()
    {
        using var spans = new ForwardedSpans();
        await using var http = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", http.Url)));
        var options = new McpClientOptions
        {
            ProtocolVersion = "2025-11-25",
            Handlers = new McpClientHandlers
            {
                SamplingHandler = (_, _, _) => ValueTask.FromResult(new CreateMessageResult
                {
                    Model = "m",
                    Role = Role.Assistant,
                    Content = [new TextContentBlock { Text = "sampled by the client" }],
                }),
            },
        };
        await using var client = await McpTestClient.ConnectAsync(gw, options: options);

        var result = await client.CallToolAsync("ask", new Dictionary<string, object?> { ["question"] = "why?" }, cancellationToken: Ct);

        Assert.Equal("sampled by the client", McpFederationTests.Text(result));
        Assert.False(ForwardedSpans.IsForwarded(Assert.Single(spans.Of("ask", client.SessionId))));
    }

    [Fact]
    public async Task CallTool_ClientOfAnOlderRevision_KeepsTheSdkPath()
    {
        using var spans = new ForwardedSpans();
        await using var http = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", http.Url)));
        await using var client = await McpTestClient.ConnectAsync(gw, options: new McpClientOptions { ProtocolVersion = "2025-03-26" });

        var result = await client.CallToolAsync("add", new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 }, cancellationToken: Ct);

        // Its results go through RevisionBridge (see RevisionBridgeTests for what that changes).
        Assert.Contains("3", McpFederationTests.Text(result), StringComparison.Ordinal);
        Assert.False(ForwardedSpans.IsForwarded(Assert.Single(spans.Of("add", client.SessionId))));
    }

    [Fact]
    public async Task CallTool_UnknownTool_SameErrorAsTheSdkPath()
    {
        await using var http = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", http.Url)));
        await using var forwarding = await McpTestClient.ConnectAsync(gw);
        await using var older = await McpTestClient.ConnectAsync(gw, options: new McpClientOptions { ProtocolVersion = "2025-03-26" });

        var viaForwarding = await Assert.ThrowsAsync<McpProtocolException>(() => forwarding.CallToolAsync("nope", cancellationToken: Ct).AsTask());
        var viaSdk = await Assert.ThrowsAsync<McpProtocolException>(() => older.CallToolAsync("nope", cancellationToken: Ct).AsTask());

        Assert.Equal(viaSdk.ErrorCode, viaForwarding.ErrorCode);
        Assert.Equal(viaSdk.Message, viaForwarding.Message);
        Assert.Contains("nope", viaForwarding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallTool_ClientAbortsItsRequest_TheTargetIsToldToCancel()
    {
        using var spans = new ForwardedSpans();
        await using var http = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", http.Url)));
        var raw = await SecurityProbe.McpSessionRaw.OpenAsync(gw.CreateClient());
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":"slow-1","method":"tools/call","params":{"name":"slow"}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Accept", "application/json, text/event-stream");
        request.Headers.Add("Mcp-Session-Id", raw.SessionId);
        using var client = gw.CreateClient();

        var call = client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, abort.Token);
        await http.State.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await abort.CancelAsync();

        await http.State.SlowCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(await McpTestClient.EventuallyAsync(() => Task.FromResult(spans.Of("slow", raw.SessionId).Count == 1), TimeSpan.FromSeconds(5)));
        Assert.True(ForwardedSpans.IsForwarded(spans.Of("slow", raw.SessionId)[0]));
    }

    private static string Serialize(CallToolResult result) => JsonSerializer.Serialize(result, McpJsonUtilities.DefaultOptions);

    private static int Count(List<ProgressNotificationValue> updates)
    {
        lock (updates)
        {
            return updates.Count;
        }
    }

    private sealed class Collect(List<ProgressNotificationValue> updates) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value)
        {
            lock (updates)
            {
                updates.Add(value);
            }
        }
    }
}
