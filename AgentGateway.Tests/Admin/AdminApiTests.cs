using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgentGateway.Configuration;

namespace AgentGateway.Tests.Admin;

/// <summary>The admin JSON API behind the UI, against a gateway with real backends (<see cref="AdminGatewayFixture"/>).</summary>
[Collection(AdminGatewayGroup.Name)]
public sealed class AdminApiTests(AdminGatewayFixture stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetAsync(string path)
    {
        using var admin = stack.CreateAdminClient();
        using var response = await admin.GetAsync(path, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static HttpRequestMessage Post(string path, string json, bool csrf = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (csrf)
        {
            request.Headers.Add("X-AgentGateway-Admin", "1");
        }

        return request;
    }

    private static JsonElement Route(JsonElement overview, string name) =>
        overview.GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Overview_ListsRoutes_WithTrafficAndErrorsFromTheGatewaysMetrics()
    {
        using var client = stack.Gateway.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("/echo/hello", Ct)).EnsureSuccessStatusCode();
        }

        Assert.Equal(HttpStatusCode.BadGateway, (await client.GetAsync("/down/x", Ct)).StatusCode);

        var overview = await GetAsync("/api/overview");
        var echo = Route(overview, "echo");
        Assert.Equal("/echo", echo.GetProperty("path").GetString());
        Assert.Equal("http", echo.GetProperty("kind").GetString());
        Assert.Equal("echo", echo.GetProperty("backend").GetString());
        var traffic = echo.GetProperty("traffic");
        Assert.True(traffic.GetProperty("recent").GetInt32() >= 3);
        Assert.True(traffic.GetProperty("p50Ms").GetDouble() > 0);
        Assert.True(traffic.GetProperty("p99Ms").GetDouble() >= traffic.GetProperty("p50Ms").GetDouble());
        Assert.Equal(0, traffic.GetProperty("errors").GetInt32());
        var down = Route(overview, "down").GetProperty("traffic");
        Assert.True(down.GetProperty("errors").GetInt32() >= 1);
        Assert.Equal(1.0, down.GetProperty("errorRate").GetDouble());
        Assert.Equal(["keys"], Route(overview, "models").GetProperty("policies").EnumerateArray().Select(p => p.GetString()));
        var listeners = overview.GetProperty("listeners").EnumerateArray().ToList();
        Assert.Contains(listeners, l => l.GetProperty("admin").GetBoolean() && l.GetProperty("url").GetString()!.Contains(stack.AdminAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Contains(listeners, l => !l.GetProperty("admin").GetBoolean());
    }

    [Fact]
    public async Task Overview_ShowsARejectedReload_WithEveryErrorAndItsPath()
    {
        var provider = stack.Gateway.Services.GetRequiredService<GatewayConfigProvider>();
        var good = await File.ReadAllTextAsync(stack.Gateway.ConfigPath, Ct);
        try
        {
            // The file watcher reloads; the old config keeps serving and the UI shows why the new one was refused.
            await File.WriteAllTextAsync(stack.Gateway.ConfigPath, good.Replace("http: echo, policies: [guarded]", "http: nowhere, policies: [missing]", StringComparison.Ordinal), Ct);
            await WaitForAsync(() => provider.LastLoad is { Accepted: false });

            var load = (await GetAsync("/api/overview")).GetProperty("config").GetProperty("lastLoad");
            Assert.False(load.GetProperty("accepted").GetBoolean());
            Assert.Equal("reload", load.GetProperty("kind").GetString());
            var paths = load.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
            Assert.Contains(paths, p => p!.StartsWith("routes[3].http", StringComparison.Ordinal));
            Assert.Contains(paths, p => p!.StartsWith("routes[3].policies", StringComparison.Ordinal));
        }
        finally
        {
            await File.WriteAllTextAsync(stack.Gateway.ConfigPath, good, Ct);
            await WaitForAsync(() => provider.LastLoad is { Accepted: true });
        }

        Assert.True((await GetAsync("/api/overview")).GetProperty("config").GetProperty("lastLoad").GetProperty("accepted").GetBoolean());
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.True(condition(), "the config file change was not picked up within 10 s");
    }

    [Fact]
    public async Task Backends_ShowLiveMcpTargetWithFederatedTools_AgentCard_LlmProviders_AndDestinationHealth()
    {
        using var client = stack.Gateway.CreateClient();
        Assert.Equal(HttpStatusCode.BadGateway, (await client.GetAsync("/down/x", Ct)).StatusCode);
        await using (var mcp = await ModelContextProtocol.Client.McpClient.CreateAsync(new ModelContextProtocol.Client.HttpClientTransport(new()
        {
            Endpoint = new Uri(stack.Gateway.BaseAddress, "/mcp"),
            TransportMode = ModelContextProtocol.Client.HttpTransportMode.StreamableHttp,
        }), new() { ProtocolVersion = "2025-11-25" }, cancellationToken: Ct))
        {
            await mcp.ListToolsAsync(cancellationToken: Ct);
            var during = await GetAsync("/api/backends");
            Assert.True(during.GetProperty("mcp").GetProperty("tools").GetProperty("sessions").GetInt32() >= 1);
        }

        var backends = await GetAsync("/api/backends");
        var tools = backends.GetProperty("mcp").GetProperty("tools");
        Assert.True(tools.GetProperty("started").GetBoolean());
        var target = tools.GetProperty("targets")[0];
        Assert.Equal("weather", target.GetProperty("name").GetString());
        Assert.True(target.GetProperty("connected").GetBoolean());
        Assert.False(string.IsNullOrEmpty(target.GetProperty("protocolVersion").GetString()));
        Assert.False(string.IsNullOrEmpty(target.GetProperty("server").GetProperty("name").GetString()));
        var toolNames = target.GetProperty("catalog").GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("exposed").GetString()).ToList();
        Assert.Contains("get_forecast", toolNames);

        var card = backends.GetProperty("a2a").GetProperty("planner").GetProperty("card");
        Assert.False(string.IsNullOrEmpty(card.GetProperty("name").GetString()));
        Assert.True(card.GetProperty("skills").GetArrayLength() > 0);

        var provider = backends.GetProperty("llm").GetProperty("models").GetProperty("providers")[0];
        Assert.Equal("mock-openai", provider.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, provider.GetProperty("coolingDownUntil").ValueKind);
        Assert.DoesNotContain("upstream-secret-key", backends.GetRawText(), StringComparison.Ordinal);

        var down = backends.GetProperty("http").GetProperty("down").GetProperty("destinations")[0];
        Assert.False(down.GetProperty("healthy").GetBoolean());
        Assert.True(backends.GetProperty("http").GetProperty("echo").GetProperty("destinations")[0].GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task Policies_ShowCedarTextSplitIntoPolicyIds_AndMaskKeyHashes()
    {
        var policies = await GetAsync("/api/policies");
        var guarded = policies.GetProperty("policies").GetProperty("guarded");
        Assert.Equal(["apiKeys"], guarded.GetProperty("authentication").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["guarded"], guarded.GetProperty("routes").EnumerateArray().Select(m => m.GetString()));
        var cedar = guarded.GetProperty("cedar");
        var text = cedar.GetProperty("text").GetString()!;
        var spans = cedar.GetProperty("policies").EnumerateArray().ToList();
        Assert.Equal(["policy0", "policy1"], spans.Select(s => s.GetProperty("id").GetString()));
        string Span(JsonElement s) => text[s.GetProperty("start").GetInt32()..s.GetProperty("end").GetInt32()];
        Assert.Equal("permit(principal == ApiKey::\"ops\", action, resource);", Span(spans[0]));
        Assert.Equal("forbid(principal == ApiKey::\"guest\", action, resource);", Span(spans[1]));
        Assert.DoesNotContain("sha256:", policies.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("***", guarded.GetProperty("config").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeniedRequest_IsRecordedWithoutPayload_AndTheSimulatorExplainsIt()
    {
        using var client = stack.Gateway.CreateClient();
        using var denied = new HttpRequestMessage(HttpMethod.Post, "/guarded/orders?secret=query-value")
        {
            Content = new StringContent("""{"payload":"do-not-record"}""", Encoding.UTF8, "application/json"),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", AdminGatewayFixture.GuestKey) },
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(denied, Ct)).StatusCode);

        var decisions = await GetAsync("/api/decisions");
        Assert.DoesNotContain("do-not-record", decisions.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("query-value", decisions.GetRawText(), StringComparison.Ordinal);
        var record = decisions.GetProperty("decisions").EnumerateArray().First(d => d.GetProperty("route").GetString() == "guarded");
        Assert.Equal("Deny", record.GetProperty("decision").GetString());
        Assert.Equal("ApiKey", record.GetProperty("principalType").GetString());
        Assert.Equal("guest", record.GetProperty("principalId").GetString());
        Assert.Equal("http", record.GetProperty("action").GetString());
        Assert.Equal("Route", record.GetProperty("resourceType").GetString());
        Assert.Equal(["policy1"], record.GetProperty("policies").EnumerateArray().Select(p => p.GetString()));

        // What the UI sends when "Why?" is clicked on that row.
        var explain = JsonSerializer.Serialize(new
        {
            policy = record.GetProperty("routePolicies")[0].GetString(),
            principal = new { type = record.GetProperty("principalType").GetString(), id = record.GetProperty("principalId").GetString() },
            action = record.GetProperty("action").GetString(),
            resource = new { type = record.GetProperty("resourceType").GetString(), id = record.GetProperty("resourceId").GetString(), attributes = record.GetProperty("resourceAttributes") },
            context = new { route = "guarded" },
        });
        using var admin = stack.CreateAdminClient();
        using var response = await admin.SendAsync(Post("/api/explain", explain), Ct);
        var why = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Deny", why.GetProperty("decision").GetString());
        Assert.Equal(["policy1"], why.GetProperty("policies").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Playground_ForwardsToThePublicListener_AsTheChosenCaller_AndStreams()
    {
        using var admin = stack.CreateAdminClient();
        const string Chat = """{"model":"mock-small","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"one two three"}]}""";

        using (var anonymous = await admin.SendAsync(Post("/api/playground/v1/chat/completions", Chat), Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode); // the route's own authentication answered
        }

        using var asCaller = Post("/api/playground/v1/chat/completions", Chat);
        asCaller.Headers.Add("X-Playground-Authorization", "Bearer " + AdminGatewayFixture.LlmKey);
        using var response = await admin.SendAsync(asCaller, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("chat.completion.chunk", body, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]", body.TrimEnd(), StringComparison.Ordinal);

        var answers = await GetAsync("/api/llm/answers");
        Assert.Contains(answers.GetProperty("answers").EnumerateArray(), a => a.GetProperty("requestModel").GetString() == "mock-small");
    }
}
