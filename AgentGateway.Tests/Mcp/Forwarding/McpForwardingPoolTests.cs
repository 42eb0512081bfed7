using System.Diagnostics;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using AgentGateway.Tests.Traffic;

namespace AgentGateway.Tests.Mcp.Forwarding;

/// <summary>
/// A forwarded call goes through the target's plain shared pool (no DiagnosticsHandler, so no client span of its
/// own) and still carries what the SDK client's POST carries: trace context (with the forwarded call's span as the
/// parent), the target's configured headers, and the target's TLS settings.
/// </summary>
public sealed class McpForwardingPoolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ForwardedCall_SendsTraceparentOfItsSpanAndTheTargetsHeaders_WithoutAnHttpClientSpan()
    {
        using var spans = new ForwardedSpans();
        var clientSpans = new List<Activity>();
        using var httpClientListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "System.Net.Http",
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (clientSpans)
                {
                    clientSpans.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(httpClientListener);
        await using var http = await TestMcpServer.StartAsync();
        var target = McpTestClient.UrlTarget("http", http.Url) + "        headers: { x-target-key: configured-secret }\n";
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(target));
        await using var client = await McpTestClient.ConnectAsync(gw);

        await client.CallToolAsync("trace", cancellationToken: Ct);

        var span = Assert.Single(spans.Of("trace", client.SessionId));
        Assert.True(ForwardedSpans.IsForwarded(span), "the call took the SDK path");
        var post = Assert.Single(http.State.PostHeaders, h => h.TryGetValue("traceparent", out var tp) && tp.Contains(span.TraceId.ToString(), StringComparison.Ordinal));
        Assert.Equal($"00-{span.TraceId}-{span.SpanId}-01", post["traceparent"]); // the forwarded call's span is the upstream's parent
        Assert.Equal("configured-secret", post["x-target-key"]);
        lock (clientSpans)
        {
            Assert.DoesNotContain(clientSpans, s => s.ParentSpanId == span.SpanId); // no System.Net.Http client span for the forwarded POST
        }
    }

    [Fact]
    public async Task ForwardedCall_ToATargetWithAPrivateCaAndClientCertificate_GoesOverItsTls()
    {
        using var spans = new ForwardedSpans();
        using var certs = TestCertificates.Create();
        await using var upstream = await TestMcpServer.StartAsync(certificate: certs.IssueServer(), requireClientCertificate: true);
        var (clientCert, clientKey) = certs.WritePem(certs.IssueClient("gateway"), "client");
        var target = $"      - name: tls\n        url: {upstream.Url}\n        transport: streamable-http\n"
            + $"        tls: {{ caPath: \"{certs.CaPath}\", clientCertificate: {{ path: \"{clientCert}\", keyPath: \"{clientKey}\" }} }}\n";
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(target));
        await using var client = await McpTestClient.ConnectAsync(gw);

        await client.CallToolAsync("trace", cancellationToken: Ct);
        var sum = await client.CallToolAsync("add", new Dictionary<string, object?> { ["a"] = 2, ["b"] = 3 }, cancellationToken: Ct);

        Assert.Equal(5, sum.StructuredContent!.Value.GetProperty("sum").GetInt32());
        Assert.True(ForwardedSpans.IsForwarded(Assert.Single(spans.Of("add", client.SessionId))), "the call took the SDK path");
        var span = Assert.Single(spans.Of("trace", client.SessionId));
        Assert.Equal($"00-{span.TraceId}-{span.SpanId}-01", Assert.Single(upstream.State.PostHeaders,
            h => h.TryGetValue("traceparent", out var tp) && tp.Contains(span.TraceId.ToString(), StringComparison.Ordinal))["traceparent"]);
    }
}
