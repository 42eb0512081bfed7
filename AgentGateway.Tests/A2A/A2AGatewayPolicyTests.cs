using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.A2A;

/// <summary>Authorization, telemetry, upstream headers, card caching and config validation of a2a routes.</summary>
[Collection(A2AAgentsGroup.Name)]
public class A2AGatewayPolicyTests(A2AAgentsFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeniedMethod_JsonRpcGetsForbiddenError_RestGets403_AllowedMethodPasses()
    {
        var authorizer = new MethodDenyingAuthorizer("tasks/get", "GetTask");
        await using var gw = await TestGateway.StartAsync(
            A2AAgentsFixture.GatewayYaml(fixture.Planner.BaseAddress, fixture.Js.BaseAddress, FreePort.Next()),
            configure: b => b.Services.AddSingleton<IRequestAuthorizer>(authorizer));
        var client = gw.CreateClient();

        var sent = await A2AHttp.JsonRpcAsync(client, "/agents/planner", "message/send", A2AHttp.V03Message("a"), ct: Ct);
        var denied = await A2AHttp.JsonRpcAsync(client, "/agents/planner", "tasks/get", new { id = "whatever" }, id: 41, ct: Ct);
        using var rest = await client.GetAsync("/agents/planner/rest/tasks/whatever", Ct);

        Assert.Equal("completed", sent.GetProperty("result").GetProperty("status").GetProperty("state").GetString());
        Assert.Equal(41, denied.GetProperty("id").GetInt32());
        Assert.Equal(-32040, denied.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("Agent::\"planner\"", denied.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, rest.StatusCode);

        var request = authorizer.Requests.First(r => (string?)r.ResourceAttributes["method"] == "message/send");
        Assert.Equal(("send_message", "Agent", "planner"), (request.Action, request.ResourceType, request.ResourceId));
    }

    [Fact]
    public async Task JsonRpcCall_EmitsSpanWithTaskAttributes_AndCountsTheRequest()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "AgentGateway",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => spans.Enqueue(a),
        };
        ActivitySource.AddActivityListener(listener);
        var counted = new ConcurrentQueue<Dictionary<string, object?>>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "AgentGateway" && instrument.Name == "agentgateway.a2a.requests")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) => counted.Enqueue(tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        meters.Start();

        var sent = await A2AHttp.JsonRpcAsync(fixture.Gateway.CreateClient(), "/agents/planner", "SendMessage", A2AHttp.V1Message("x"), version: "1.0", ct: Ct);
        var task = sent.GetProperty("result").GetProperty("task");
        var taskId = task.GetProperty("id").GetString();

        var span = spans.Single(s => s.OperationName == "a2a SendMessage" && (string?)s.GetTagItem("a2a.task.id") == taskId);
        Assert.Equal("SendMessage", span.GetTagItem("a2a.method"));
        Assert.Equal(task.GetProperty("contextId").GetString(), span.GetTagItem("a2a.context.id"));
        Assert.Equal("completed", span.GetTagItem("a2a.task.state"));
        Assert.Equal("planner", span.GetTagItem("a2a.agent"));
        Assert.Contains(counted, t => (string?)t["a2a.agent"] == "planner" && (string?)t["a2a.method"] == "SendMessage"
            && (string?)t["a2a.task.state"] == "completed" && (string?)t["a2a.outcome"] == "ok");
    }

    [Fact]
    public async Task Upstream_GetsConfiguredHeadersAndA2AVersion_ButNotTheClientsAuthorization_UnlessPassthrough()
    {
        await using var echo = await EchoServer.StartAsync("agent");
        await using var gw = await TestGateway.StartAsync($$"""
            routes:
              - { name: closed, path: /closed, a2a: closed }
              - { name: open, path: /open, a2a: open }
            a2a:
              closed: { url: "{{echo.BaseAddress}}", headers: { X-Agent-Key: k1 } }
              open: { url: "{{echo.BaseAddress}}", passthrough: true }
            """);
        var client = gw.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "client-token");

        var closed = await A2AHttp.JsonRpcAsync(client, "/closed/rpc", "GetTask", new { id = "t" }, version: "1.0", ct: Ct);
        var open = await A2AHttp.JsonRpcAsync(client, "/open", "GetTask", new { id = "t" }, version: "1.0", ct: Ct);

        var closedHeaders = closed.GetProperty("headers");
        Assert.Equal("/rpc", closed.GetProperty("path").GetString());
        Assert.False(closedHeaders.TryGetProperty("authorization", out _));
        Assert.Equal("k1", closedHeaders.GetProperty("x-agent-key").GetString());
        Assert.Equal("1.0", closedHeaders.GetProperty("a2a-version").GetString());
        Assert.Equal("Bearer client-token", open.GetProperty("headers").GetProperty("authorization").GetString());
    }

    [Fact]
    public async Task Card_IsCachedForItsTtl()
    {
        await using var echo = await EchoServer.StartAsync("agent");
        await using var gw = await TestGateway.StartAsync($$"""
            routes:
              - { name: cached, path: /cached, a2a: cached }
              - { name: fresh, path: /fresh, a2a: fresh }
            a2a:
              cached: { url: "{{echo.BaseAddress}}", cardCacheTtl: 10m }
              fresh: { url: "{{echo.BaseAddress}}", cardCacheTtl: 0s }
            """);
        var client = gw.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cached/.well-known/agent-card.json", Ct)).StatusCode);
        }

        var afterCached = echo.RequestCount;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/fresh/.well-known/agent-card.json", Ct)).StatusCode);
        }

        Assert.Equal(1, afterCached);
        Assert.Equal(4, echo.RequestCount);
    }

    [Fact]
    public async Task InvalidA2AConfig_ReportsEveryErrorWithItsPath()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestGateway.StartAsync("""
            routes: []
            a2a:
              nourl: { url: "" }
              relative: { url: "/agents/x", cardCacheTtl: soon }
              ftp: { url: "ftp://host/x", headers: { "bad header": v } }
            """));

        Assert.Contains("a2a.nourl.url", error.Message, StringComparison.Ordinal);
        Assert.Contains("a2a.relative.url", error.Message, StringComparison.Ordinal);
        Assert.Contains("a2a.relative.cardCacheTtl", error.Message, StringComparison.Ordinal);
        Assert.Contains("a2a.ftp.url", error.Message, StringComparison.Ordinal);
        Assert.Contains("a2a.ftp.headers.bad header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtendedCard_JsonRpcAndRest_AreRewrittenLikeThePublicCard()
    {
        const string card = "{\"name\":\"x\",\"url\":\"http://10.1.2.3:9000/rpc\",\"supportedInterfaces\":[{\"url\":\"http://10.1.2.3:9000/rest\",\"protocolBinding\":\"HTTP+JSON\",\"protocolVersion\":\"1.0\"}],\"signatures\":[{\"protected\":\"e30\",\"signature\":\"s\"}]}";
        await using var agent = await EchoServer.StartAsync("agent", async ctx =>
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(ctx.Request.Method == "POST" ? "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":" + card + "}" : card);
            return true;
        });
        await using var gw = await TestGateway.StartAsync($$"""
            routes:
              - { name: ext, path: /ext, a2a: ext }
            a2a:
              ext: { url: "{{agent.BaseAddress}}" }
            """);
        var client = gw.CreateClient();

        var viaJsonRpc = (await A2AHttp.JsonRpcAsync(client, "/ext/rpc", "GetExtendedAgentCard", new { }, id: 3, version: "1.0", ct: Ct)).GetProperty("result");
        var viaRest = JsonDocument.Parse(await client.GetStringAsync("/ext/extendedAgentCard", Ct)).RootElement;

        foreach (var rewritten in new[] { viaJsonRpc, viaRest })
        {
            Assert.Equal(new Uri(gw.BaseAddress, "/ext/rpc").ToString(), rewritten.GetProperty("url").GetString());
            Assert.Equal(new Uri(gw.BaseAddress, "/ext/rest").ToString(), rewritten.GetProperty("supportedInterfaces")[0].GetProperty("url").GetString());
            Assert.False(rewritten.TryGetProperty("signatures", out _));
        }
    }

    [Fact]
    public async Task ConfigReload_PointsTheRouteAtTheNewAgent()
    {
        var yaml = A2AAgentsFixture.GatewayYaml(fixture.Planner.BaseAddress, fixture.Js.BaseAddress, FreePort.Next());
        await using var gw = await TestGateway.StartAsync(yaml);
        var client = gw.CreateClient();
        var before = JsonDocument.Parse(await client.GetStringAsync("/agents/planner/.well-known/agent-card.json", Ct)).RootElement;

        Assert.True(await gw.RewriteConfigAsync(yaml.Replace($"planner: {{ url: \"{fixture.Planner.BaseAddress}\" }}", $"planner: {{ url: \"{fixture.Js.BaseAddress}\" }}", StringComparison.Ordinal)));
        var after = JsonDocument.Parse(await client.GetStringAsync("/agents/planner/.well-known/agent-card.json", Ct)).RootElement;

        Assert.Equal("Planner Agent", before.GetProperty("name").GetString());
        Assert.Equal("JS Echo Agent", after.GetProperty("name").GetString());
        Assert.StartsWith(new Uri(gw.BaseAddress, "/agents/planner").ToString(), after.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleAgent_ServesHealth()
    {
        using var http = new HttpClient { BaseAddress = fixture.Planner.BaseAddress };

        Assert.Equal("Healthy", await http.GetStringAsync("/health", Ct));
    }

    /// <summary>Denies the listed methods and records every request it was asked about.</summary>
    private sealed class MethodDenyingAuthorizer(params string[] denied) : IRequestAuthorizer
    {
        public ConcurrentQueue<AuthorizationRequest> Requests { get; } = new();

        public ValueTask<AuthorizationResult> AuthorizeAsync(HttpContext http, AuthorizationRequest request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request);
            var deny = denied.Contains(request.ResourceAttributes["method"] as string);
            return ValueTask.FromResult(new AuthorizationResult(!deny, deny ? ["test-deny"] : [], []));
        }
    }
}
