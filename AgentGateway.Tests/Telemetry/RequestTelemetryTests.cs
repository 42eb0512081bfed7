using System.Diagnostics;
using System.Net;
using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Telemetry;

public class RequestTelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AccessLog_WritesOneStructuredLinePerRequest_WithoutSecretsOrQuery()
    {
        await using var echo = await EchoServer.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: web, path: /api, http: e, policies: [keys] }]
            http: { e: { destinations: [{{echo.BaseAddress}}] } }
            policies: { keys: { authentication: { apiKeys: [{ name: bot, keyHash: "{{SecretHash.Sha256("topsecret")}}" }] } } }
            """, configure: b => b.Logging.AddProvider(logs));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/x?token=leaky") { Content = new StringContent("prompt: my password") };
        request.Headers.Add("x-api-key", "topsecret");
        Assert.Equal(HttpStatusCode.OK, (await gw.CreateClient().SendAsync(request, Ct)).StatusCode);
        await gw.CreateClient().GetAsync("/missing", Ct);

        var lines = logs.Entries.Where(e => e.Category == "AgentGateway.AccessLog").ToList();
        Assert.Equal(2, lines.Count);
        var fields = lines[0].State.ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal("web", fields["route"]);
        Assert.Equal("POST", fields["method"]);
        Assert.Equal("/api/x", fields["path"]);
        Assert.Equal(200, fields["status"]);
        Assert.Equal("ApiKey::bot", fields["principal"]);
        Assert.Equal(19L, fields["bytesIn"]);
        Assert.True((long)fields["bytesOut"]! > 0);
        Assert.Equal(404, lines[1].State.First(kv => kv.Key == "status").Value);
        var everything = string.Join("\n", logs.Entries.Select(e => e.Message));
        Assert.DoesNotContain("topsecret", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("leaky", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("my password", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessLog_FieldsAreConfigurable_AndCanBeTurnedOff()
    {
        await using var echo = await EchoServer.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: web, path: /, http: e }]
            http: { e: { destinations: [{{echo.BaseAddress}}] } }
            telemetry: { accessLog: { fields: [route, status] } }
            """, configure: b => b.Logging.AddProvider(logs));

        await gw.CreateClient().GetAsync("/", Ct);
        var line = Assert.Single(logs.Entries, e => e.Category == "AgentGateway.AccessLog");
        Assert.Equal(["route", "status"], line.State.Select(kv => kv.Key));

        Assert.True(await gw.RewriteConfigAsync($$"""
            admin: { url: "" }
            routes: [{ name: web, path: /, http: e }]
            http: { e: { destinations: [{{echo.BaseAddress}}] } }
            telemetry: { accessLog: { enabled: false } }
            """));
        await gw.CreateClient().GetAsync("/", Ct);
        Assert.Single(logs.Entries, e => e.Category == "AgentGateway.AccessLog");
    }

    [Fact]
    public async Task ServerSpan_CarriesRouteBackendPrincipalAndDecision()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) { spans.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: web, path: /, http: e, policies: [p] }]
            http: { e: { destinations: [{{echo.BaseAddress}}] } }
            policies:
              p:
                authentication: { apiKeys: [{ name: bot, keyHash: "{{SecretHash.Sha256("k")}}" }] }
                authorization: { cedarText: 'permit(principal == ApiKey::"bot", action, resource);' }
            """);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/traced");
        request.Headers.Add("x-api-key", "k");

        Assert.Equal(HttpStatusCode.OK, (await gw.CreateClient().SendAsync(request, Ct)).StatusCode);

        // The server span stops just after the response is sent, so the client can be a moment ahead of it.
        bool Recorded()
        {
            lock (spans)
            {
                return spans.Any(s => s.GetTagItem("agentgateway.route") is "web");
            }
        }

        for (var i = 0; i < 50 && !Recorded(); i++)
        {
            await Task.Delay(100, Ct);
        }

        Activity span;
        lock (spans)
        {
            span = Assert.Single(spans, s => s.GetTagItem("agentgateway.route") is "web");
        }

        Assert.Equal("http", span.GetTagItem("agentgateway.backend.kind"));
        Assert.Equal("ApiKey::bot", span.GetTagItem("enduser.id"));
        Assert.Equal("allow", span.GetTagItem("agentgateway.authorization.decision"));
        Assert.Equal("GET web", span.DisplayName);
    }

    [Fact]
    public async Task IncomingTraceparent_IsContinued_AndPropagatedToTheUpstream()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: web, path: /api, http: e }]
            http: { e: { destinations: [{{echo.BaseAddress}}] } }
            """);
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        const string clientSpanId = "00f067aa0ba902b7";

        // A raw handler: no DiagnosticsHandler in the test process adds or replaces trace headers.
        using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = gw.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/traced");
        request.Headers.Add("traceparent", $"00-{traceId}-{clientSpanId}-01");
        using var response = await client.SendAsync(request, Ct);
        using var echoed = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        var upstream = echoed.RootElement.GetProperty("headers").GetProperty("traceparent").GetString()!.Split('-');
        Assert.Equal(traceId, upstream[1]); // the same trace
        Assert.NotEqual(clientSpanId, upstream[2]); // with the gateway's own span as the upstream's parent
    }

    [Fact]
    public async Task Metrics_AreScrapedFromTheAdminPort_WithRouteAndStatusLabels()
    {
        await using var echo = await EchoServer.StartAsync();
        var adminPort = FreePort.Next();
        await using var gw = await TestGateway.StartAsync($$"""
            admin: { url: "http://127.0.0.1:{{adminPort}}" }
            routes: [{ name: metered, path: /m, http: e }]
            http: { e: { destinations: [{{echo.BaseAddress}}] } }
            """);
        var client = gw.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await client.GetAsync("/m", Ct);
        }

        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}") };
        var text = "";
        for (var attempt = 0; attempt < 20 && !text.Contains("route=\"metered\"", StringComparison.Ordinal); attempt++)
        {
            text = await admin.GetStringAsync("/metrics", Ct);
            await Task.Delay(100, Ct);
        }

        Assert.Matches("agentgateway_requests_total\\{[^}]*backend_kind=\"http\"[^}]*route=\"metered\"[^}]*status_code=\"200\"[^}]*\\} 3", text);
        Assert.Contains("agentgateway_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics", Ct)).StatusCode);
    }
}
