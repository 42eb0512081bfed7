using System.Text;
using AgentGateway.AppHost.Tests.Infrastructure;

namespace AgentGateway.AppHost.Tests;

/// <summary>
/// Every service exports OTLP to the real Aspire dashboard (the variables Aspire injects, read by ServiceDefaults).
/// One chat request and one MCP tools/call, each sent with the test's own trace context, each form one trace:
/// the test (client) → the gateway, with the GenAI / MCP attributes → the upstream service; read back through the
/// dashboard's telemetry API.
/// </summary>
[Collection(SharedStackGroup.Name)]
public sealed class WholeStackTelemetryTests(StackFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new();
    private LocalStackApp Stack => fixture.Stack;
    private Uri Gateway => Stack.Endpoint("gateway");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChatRequest_FormsOneTrace_ClientGatewayMockModel()
    {
        var trace = TraceContext.New();
        using var chat = new HttpRequestMessage(HttpMethod.Post, new Uri(Gateway, "/v1/chat/completions"))
        {
            Content = new StringContent("""{"model":"mock-traced","messages":[{"role":"user","content":"hello"}]}""", Encoding.UTF8, "application/json"),
        };
        trace.Apply(chat);
        using var response = await _http.SendAsync(chat, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));

        using var dashboard = new DashboardTelemetry(await Stack.App.GetDashboardUrlAsync(Ct));
        var spans = await dashboard.WaitForTraceAsync(trace.TraceId, s =>
            s.Any(static x => x.Service == "mock-llm")
            && s.Any(static x => x.Service == "gateway" && x.Attribute("gen_ai.request.model") == "mock-traced" && x.Attribute("gen_ai.usage.output_tokens") is not null), Ct);

        // The gateway's first span continues the client's: the trace starts at the test.
        Assert.Contains(spans, s => s.Service == "gateway" && s.ParentSpanId == trace.ClientSpanId);
        Assert.Contains(spans, static s => s.Service == "gateway" && s.Attribute("agentgateway.route") == "models");
        Assert.Contains(spans, static s => s.Service == "mock-llm");
    }

    [Fact]
    public async Task McpToolCall_FormsOneTrace_ClientGatewayWeatherServer()
    {
        var mcp = new Uri(Gateway, "/mcp");
        var sessionId = await McpHttp.InitializeAsync(_http, mcp, Ct);
        var trace = TraceContext.New();
        await McpHttp.CallToolAsync(_http, mcp, sessionId, 2, "weather_list_cities", "{}", Ct, trace.Apply);

        using var dashboard = new DashboardTelemetry(await Stack.App.GetDashboardUrlAsync(Ct));
        var spans = await dashboard.WaitForTraceAsync(trace.TraceId, static s =>
            s.Any(static x => x.Service == "weather-mcp")
            && s.Any(static x => x.Service == "gateway" && x.Attribute("mcp.method.name") == "tools/call" && x.Attribute("gen_ai.tool.name") is "weather_list_cities" or "list_cities"), Ct);

        Assert.Contains(spans, s => s.Service == "gateway" && s.ParentSpanId == trace.ClientSpanId);
        Assert.Contains(spans, static s => s.Service == "gateway" && s.Attribute("mcp.session.id") is not null);
        Assert.Contains(spans, static s => s.Service == "weather-mcp");
    }

    public void Dispose() => _http.Dispose();
}
