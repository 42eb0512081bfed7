using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace AgentGateway.Tests.Mcp.Federation;

/// <summary>
/// Telemetry and authorization run as filters composed around the federated handlers: a denied operation
/// is the same JSON-RPC error, and spans and the tool-call metric carry the same names and tags, as when they were
/// inlined in each handler.
/// </summary>
public sealed class McpRequestFilterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallTool_DeniedByPolicy_SameErrorSpanAndMetric()
    {
        await using var fixture = await Fixture.StartAsync(new DenyingAuthorizer("Tool", "http_secret"));

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => fixture.Client.CallToolAsync("http_secret", cancellationToken: Ct).AsTask());

        Assert.Equal(McpErrorCode.InvalidRequest, error.ErrorCode);
        Assert.Contains("Forbidden: 'http_secret' is not allowed for this principal (call_tool)", error.Message, StringComparison.Ordinal);
        var span = fixture.Span("tools/call http_secret");
        Assert.Equal("tools/call", span.GetTagItem("mcp.method.name"));
        Assert.Equal("http_secret", span.GetTagItem("gen_ai.tool.name"));
        Assert.Equal(fixture.Backend, span.GetTagItem("agentgateway.mcp.backend"));
        Assert.Equal(fixture.Client.SessionId, span.GetTagItem("mcp.session.id"));
        Assert.Equal("http", span.GetTagItem("agentgateway.mcp.target"));
        Assert.Null(span.GetTagItem("agentgateway.mcp.target.protocol_version")); // the call never reached the target
        var call = Assert.Single(fixture.ToolCalls());
        Assert.Equal(("http", "http_secret", "error", "none"), call);
    }

    [Fact]
    public async Task CallTool_Allowed_SpanCarriesTargetAndProtocol_MetricSaysOk()
    {
        await using var fixture = await Fixture.StartAsync(new DenyingAuthorizer("Tool", "http_secret"));

        var result = await fixture.Client.CallToolAsync("http_add", new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 }, cancellationToken: Ct);

        Assert.NotEqual(true, result.IsError);
        var span = fixture.Span("tools/call http_add");
        Assert.Equal("http", span.GetTagItem("agentgateway.mcp.target"));
        var protocol = Assert.IsType<string>(span.GetTagItem("agentgateway.mcp.target.protocol_version"));
        Assert.Equal(("http", "http_add", "ok", protocol), Assert.Single(fixture.ToolCalls()));
        var authorized = fixture.Authorizer.Requests.Single(r => r.ResourceId == "http_add" && r.Context is not null);
        Assert.Equal("add", authorized.ResourceAttributes["name"]); // the filter saw the resolved upstream name
    }

    [Fact]
    public async Task CallTool_UnknownName_SpanWithoutTarget_NotCounted()
    {
        await using var fixture = await Fixture.StartAsync(new DenyingAuthorizer("Tool", "http_secret"));

        await Assert.ThrowsAsync<McpProtocolException>(() => fixture.Client.CallToolAsync("nope_missing", cancellationToken: Ct).AsTask());

        var span = fixture.Span("tools/call nope_missing");
        Assert.Null(span.GetTagItem("agentgateway.mcp.target"));
        Assert.Empty(fixture.ToolCalls()); // only names that resolved are counted
    }

    [Fact]
    public async Task ListTools_DeniedToolHidden_SpanWithoutTarget()
    {
        await using var fixture = await Fixture.StartAsync(new DenyingAuthorizer("Tool", "http_secret"));

        var tools = (await fixture.Client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();

        Assert.Contains("http_add", tools);
        Assert.DoesNotContain("http_secret", tools);
        var span = fixture.Span("tools/list");
        Assert.Equal(fixture.Backend, span.GetTagItem("agentgateway.mcp.backend"));
        Assert.Null(span.GetTagItem("agentgateway.mcp.target"));
    }

    [Fact]
    public async Task ReadResource_DeniedByPolicy_SameErrorAndSpanTaggedWithTarget()
    {
        await using var fixture = await Fixture.StartAsync(new DenyingAuthorizer("Resource", "http+note://readme"));

        var resources = (await fixture.Client.ListResourcesAsync(cancellationToken: Ct)).Select(r => r.Uri).ToList();
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => fixture.Client.ReadResourceAsync("http+note://readme", cancellationToken: Ct).AsTask());

        Assert.DoesNotContain("http+note://readme", resources);
        Assert.Contains("Forbidden: 'http+note://readme' is not allowed for this principal (read_resource)", error.Message, StringComparison.Ordinal);
        var span = fixture.Span("resources/read");
        Assert.Equal("http", span.GetTagItem("agentgateway.mcp.target"));
    }

    [Fact]
    public async Task GetPrompt_DeniedByPolicy_SameError_AllowedPromptServed()
    {
        await using var fixture = await Fixture.StartAsync(new DenyingAuthorizer("Prompt", "http_greet"));

        var prompts = (await fixture.Client.ListPromptsAsync(cancellationToken: Ct)).Select(p => p.Name).ToList();
        var error = await Assert.ThrowsAsync<McpProtocolException>(() =>
            fixture.Client.GetPromptAsync("http_greet", new Dictionary<string, object?> { ["name"] = "Ada" }, cancellationToken: Ct).AsTask());

        Assert.DoesNotContain("http_greet", prompts);
        Assert.Contains("Forbidden: 'http_greet' is not allowed for this principal (get_prompt)", error.Message, StringComparison.Ordinal);
        Assert.Equal("http", fixture.Span("prompts/get").GetTagItem("agentgateway.mcp.target"));
    }

    /// <summary>A gateway with one prefixed target and a backend name of its own, so parallel tests' spans and metrics do not mix in.</summary>
    private sealed class Fixture : IAsyncDisposable
    {
        private readonly ConcurrentQueue<Activity> _spans = new();
        private readonly ConcurrentQueue<(string, string, string, string)> _toolCalls = new();
        private readonly ActivityListener _activities;
        private readonly MeterListener _meters = new();
        private TestMcpServer? _server;
        private TestGateway? _gateway;

        private Fixture(DenyingAuthorizer authorizer)
        {
            Authorizer = authorizer;
            _activities = new ActivityListener
            {
                ShouldListenTo = s => s.Name == "AgentGateway",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a =>
                {
                    if ((string?)a.GetTagItem("agentgateway.mcp.backend") == Backend)
                    {
                        _spans.Enqueue(a);
                    }
                },
            };
            ActivitySource.AddActivityListener(_activities);
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "AgentGateway" && instrument.Name == "agentgateway.mcp.tool_calls")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meters.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                var byName = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
                if (byName.GetValueOrDefault("backend") == Backend)
                {
                    _toolCalls.Enqueue((byName["target"]!, byName["tool"]!, byName["outcome"]!, byName["protocol_version"]!));
                }
            });
            _meters.Start();
        }

        public string Backend { get; } = "filters" + Guid.NewGuid().ToString("N")[..8];

        public DenyingAuthorizer Authorizer { get; }

        public McpClient Client { get; private set; } = null!;

        public static async Task<Fixture> StartAsync(DenyingAuthorizer authorizer)
        {
            var fixture = new Fixture(authorizer);
            fixture._server = await TestMcpServer.StartAsync();
            fixture._gateway = await TestGateway.StartAsync($"""
                routes:
                  - name: tools
                    path: /mcp
                    mcp: {fixture.Backend}
                mcp:
                  {fixture.Backend}:
                    prefix: always
                    targets:
                {McpTestClient.UrlTarget("http", fixture._server.Url)}
                """, configure: b => b.Services.AddSingleton<IRequestAuthorizer>(authorizer));
            fixture.Client = await McpTestClient.ConnectAsync(fixture._gateway);
            return fixture;
        }

        /// <summary>
        /// The one span of that name, once it has ended: on the forwarding path the span (and the metric, recorded just
        /// before it ends) closes after the answer is written, so the client can see the answer first.
        /// </summary>
        public Activity Span(string name)
        {
            SpinWait.SpinUntil(() => _spans.Any(s => s.DisplayName == name), TimeSpan.FromSeconds(5));
            return Assert.Single(_spans, s => s.DisplayName == name);
        }

        public IReadOnlyList<(string Target, string Tool, string Outcome, string Protocol)> ToolCalls() => [.. _toolCalls];

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await _gateway!.DisposeAsync();
            await _server!.DisposeAsync();
            _activities.Dispose();
            _meters.Dispose();
        }
    }

    private sealed class DenyingAuthorizer(string type, string id) : IRequestAuthorizer
    {
        public ConcurrentQueue<AuthorizationRequest> Requests { get; } = new();

        public ValueTask<AuthorizationResult> AuthorizeAsync(HttpContext http, AuthorizationRequest request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request);
            var denied = request.ResourceType == type && request.ResourceId == id;
            return ValueTask.FromResult(new AuthorizationResult(!denied, denied ? ["deny"] : [], []));
        }
    }
}
