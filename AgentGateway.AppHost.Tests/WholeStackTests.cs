using System.Net;
using System.Text;
using System.Text.Json;
using AgentGateway.AppHost.Tests.Infrastructure;
using StackExchange.Redis;

namespace AgentGateway.AppHost.Tests;

/// <summary>
/// The local stack as <c>dotnet run</c> starts it: one request through the gateway to each kind of backend, each
/// a separate process reached by resource name, and what Aspire injected into the gateway.
/// </summary>
[Collection(SharedStackGroup.Name)]
public sealed class WholeStackTests(StackFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new();
    private LocalStackApp Stack => fixture.Stack;
    private Uri Gateway => Stack.Endpoint("gateway");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HttpRoute_ReachesTheEchoBackendByResourceName()
    {
        using var content = new StringContent("""{"hello":"stack"}""", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(Gateway, "/echo/things?x=1"), content, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        if (response.StatusCode != HttpStatusCode.OK)
        {
            Assert.Fail($"{(int)response.StatusCode}: {body}\n{await Stack.DescribeLogsAsync()}");
        }

        using var echoed = JsonDocument.Parse(body);
        Assert.Equal("echo", echoed.RootElement.GetProperty("service").GetString());
        Assert.Equal("POST", echoed.RootElement.GetProperty("method").GetString());
        Assert.EndsWith("/things", echoed.RootElement.GetProperty("path").GetString());
        Assert.Equal("?x=1", echoed.RootElement.GetProperty("query").GetString());
        Assert.Equal("""{"hello":"stack"}""", echoed.RootElement.GetProperty("body").GetString());
    }

    [Fact]
    public async Task LlmRoute_ChatCompletion_IsAnsweredByTheMockModelServer()
    {
        using var content = new StringContent("""{"model":"mock-small","messages":[{"role":"user","content":"hello"}]}""", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(Gateway, "/v1/chat/completions"), content, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        if (response.StatusCode != HttpStatusCode.OK)
        {
            Assert.Fail($"{(int)response.StatusCode}: {body}\n{await Stack.DescribeLogsAsync()}");
        }

        using var completion = JsonDocument.Parse(body);
        Assert.Equal("mock-small", completion.RootElement.GetProperty("model").GetString());
        Assert.False(string.IsNullOrEmpty(completion.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()));
    }

    [Fact]
    public async Task McpRoute_ToolCallReachesTheWeatherServer_AndTheSessionIsSharedThroughRedis()
    {
        var mcp = new Uri(Gateway, "/mcp");
        var sessionId = await McpHttp.InitializeAsync(_http, mcp, Ct);
        var result = await McpHttp.CallToolAsync(_http, mcp, sessionId, 2, "weather_get_forecast", """{"city":"Lisbon","days":1}""", Ct);

        Assert.NotEqual(JsonValueKind.True, result.TryGetProperty("isError", out var isError) ? isError.ValueKind : JsonValueKind.False);
        Assert.Equal("Lisbon", result.GetProperty("structuredContent").GetProperty("city").GetString());

        // The gateway keeps the session where every replica finds it: in the stack's Redis, reached through the
        // ConnectionStrings__redis that WithReference injected and the Aspire Redis client.
        var connectionString = await Stack.App.GetConnectionStringAsync("redis", Ct);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString!);
        if (!await redis.GetDatabase().KeyExistsAsync($"agentgateway:mcp:session:{sessionId}"))
        {
            Assert.Fail($"session {sessionId} is not in Redis\n{await Stack.DescribeLogsAsync()}");
        }
    }

    [Fact]
    public async Task A2ARoute_PlannerAgentAnswers_AndItsCardNamesTheGateway()
    {
        var card = JsonDocument.Parse(await _http.GetStringAsync(new Uri(Gateway, "/agents/planner/.well-known/agent-card.json"), Ct)).RootElement;
        Assert.Equal("Planner Agent", card.GetProperty("name").GetString());
        Assert.StartsWith(new Uri(Gateway, "/agents/planner").ToString(), card.GetProperty("url").GetString(), StringComparison.Ordinal);

        var send = $$$$"""
            {"jsonrpc":"2.0","id":1,"method":"message/send","params":{"message":{"kind":"message","messageId":"{{{{Guid.NewGuid()}}}}","role":"user",
             "parts":[{"kind":"text","text":"book flights, reserve hotel then rent a car"}]},"configuration":{"blocking":true}}}
            """;
        using var content = new StringContent(send, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(Gateway, "/agents/planner"), content, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Contains("rent a car", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"error\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_LinksTheGatewaysAdminUi_OnItsAdminEndpoint()
    {
        Assert.True(Stack.App.ResourceNotifications.TryGetCurrentState("gateway", out var state));
        var link = Assert.Single(state.Snapshot.Urls, static u => u.DisplayProperties.DisplayName == "Admin UI");
        var admin = Stack.Endpoint("gateway", "admin");
        Assert.Equal(new Uri(admin, "/ui/").ToString(), link.Url);

        using var page = await _http.GetAsync(link.Url, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("AgentGateway admin", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_RunsWithWhatAspireInjected_AndServesAdminOnlyOnItsAdminEndpoint()
    {
        Assert.True(Stack.App.ResourceNotifications.TryGetCurrentState("gateway", out var state));
        var env = state.Snapshot.EnvironmentVariables.Where(static e => e.IsFromSpec).ToDictionary(static e => e.Name, static e => e.Value);
        var admin = Stack.Endpoint("gateway", "admin");

        Assert.Matches(@"^localhost:\d+,password=[0-9a-f]{32}$", env["ConnectionStrings__redis"]);
        Assert.Equal(Stack.Endpoint("echo").ToString().TrimEnd('/'), env["services__echo__http__0"]);
        Assert.Equal(Stack.Endpoint("weather-mcp").ToString().TrimEnd('/'), env["services__weather-mcp__http__0"]);
        Assert.Equal($"http://localhost:{admin.Port}", env["Gateway__admin__url"]);
        Assert.DoesNotContain($":{admin.Port}", env["ASPNETCORE_URLS"], StringComparison.Ordinal);
        Assert.Equal("gateway", env["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("http://localhost:", env["OTEL_EXPORTER_OTLP_ENDPOINT"], StringComparison.Ordinal);

        // The admin API answers on the admin endpoint, and the public endpoint does not serve it.
        using var config = await _http.GetAsync(new Uri(admin, "/config"), Ct);
        Assert.Equal(HttpStatusCode.OK, config.StatusCode);
        Assert.Contains("\"routes\"", await config.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var publicConfig = await _http.GetAsync(new Uri(Gateway, "/config"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, publicConfig.StatusCode);
    }

    public void Dispose() => _http.Dispose();
}
