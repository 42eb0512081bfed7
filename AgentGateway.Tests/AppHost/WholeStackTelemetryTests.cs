using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AgentGateway.AppHost.Hosting;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.AppHost;

/// <summary>
/// One chat request and one MCP tool call through the stack (gateway, mock model, weather MCP server as
/// processes exporting OTLP to the dashboard): each yields one trace that runs from the gateway's server span
/// to the upstream's, with the GenAI / MCP attributes, found through the dashboard's JSON API.
/// </summary>
[Collection(StackTestsDefinition.Name)]
public class WholeStackTelemetryTests
{
    private const string GatewayYaml = """
        routes:
          - { name: models, path: /v1, llm: models }
          - { name: tools, path: /mcp, mcp: tools }
        llm:
          models:
            providers: [{ name: mock-openai, type: openai-compatible, baseUrl: "http://mock-llm/v1", apiKey: k, models: ["*"] }]
        mcp:
          tools:
            prefix: never
            targets: [{ name: weather, url: "http://weather-mcp/mcp" }]
        """;

    [Fact]
    public async Task ChatAndToolCall_EachProduceOneTraceFromClientThroughGatewayToUpstream()
    {
        var ct = TestContext.Current.CancellationToken;
        var configDir = Directory.CreateTempSubdirectory("apphost-telemetry-");
        try
        {
            var configPath = Path.Combine(configDir.FullName, "gateway.yaml");
            await File.WriteAllTextAsync(configPath, GatewayYaml, ct);
            var builder = await DistributedApplicationTestingBuilder.CreateAsync(b =>
            {
                var llm = b.AddProject("mock-llm", "../samples/MockLlm/MockLlm.csproj").WithHttpHealthCheck("/health");
                var weather = b.AddProject("weather-mcp", "../samples/WeatherMcp/WeatherMcp.csproj").WithHttpHealthCheck("/health");
                b.AddProject("gateway", "../AgentGateway.Gateway/AgentGateway.Gateway.csproj")
                    .WithArgs("--config", configPath)
                    .WithHttpEndpoint(name: "admin", urlEnv: "Gateway__admin__url")
                    .WithReference(llm).WaitFor(llm)
                    .WithReference(weather).WaitFor(weather)
                    .WithHttpHealthCheck("/health");
            }, new AppHostTestOptions { EnableDashboard = true }, ct);
            await using var app = await builder.BuildAsync(ct);
            await app.StartAsync(ct);
            await app.WaitForResourceHealthyAsync("gateway", ct);
            using var gateway = app.CreateHttpClient("gateway");

            using var chat = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
            {
                Content = new StringContent("""{"model":"traced-model","messages":[{"role":"user","content":"hello"}]}""", Encoding.UTF8, "application/json"),
            };
            var chatResponse = await gateway.SendAsync(chat, ct);
            Assert.True(chatResponse.IsSuccessStatusCode, await chatResponse.Content.ReadAsStringAsync(ct) + app.DescribeLogs());

            var sessionId = await InitializeAsync(gateway, ct);
            using var call = McpPost("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"list_cities","arguments":{}}}""", sessionId);
            var callResponse = await gateway.SendAsync(call, ct);
            Assert.Contains("\"result\"", await callResponse.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

            // Spans reach the dashboard in export batches: wait until the trace holds everything expected.
            var chatSpans = await WaitForTraceAsync(app, spans =>
                spans.Any(s => s.Service == "mock-llm")
                && spans.Any(s => s.Service == "gateway" && s.Attributes.GetValueOrDefault("gen_ai.request.model") == "traced-model" && s.Attributes.ContainsKey("gen_ai.usage.output_tokens"))
                && spans.Any(s => s.Service == "gateway" && s.Attributes.GetValueOrDefault("agentgateway.route") == "models"));
            Assert.Contains(chatSpans, s => s.Service == "mock-llm");

            var toolSpans = await WaitForTraceAsync(app, spans =>
                spans.Any(s => s.Service == "weather-mcp")
                && spans.Any(s => s.Service == "gateway" && s.Attributes.GetValueOrDefault("mcp.method.name") == "tools/call"
                    && s.Attributes.GetValueOrDefault("gen_ai.tool.name") == "list_cities" && s.Attributes.ContainsKey("mcp.session.id")));
            Assert.Contains(toolSpans, s => s.Service == "weather-mcp");
        }
        finally
        {
            configDir.Delete(recursive: true);
        }
    }

    private sealed record Span(string Service, Dictionary<string, string> Attributes);

    private static HttpRequestMessage McpPost(string json, string? sessionId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
            request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        }

        return request;
    }

    private static async Task<string> InitializeAsync(HttpClient gateway, CancellationToken ct)
    {
        using var init = McpPost("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"trace-test","version":"1"}}}""", null);
        var response = await gateway.SendAsync(init, ct);
        var sessionId = response.Headers.GetValues("Mcp-Session-Id").Single();
        await response.Content.ReadAsStringAsync(ct);
        using var initialized = McpPost("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", sessionId);
        (await gateway.SendAsync(initialized, ct)).EnsureSuccessStatusCode();
        return sessionId;
    }

    /// <summary>Finds the one trace (by its content) that holds every expected span, waiting for export batches.</summary>
    private static async Task<List<Span>> WaitForTraceAsync(AppHostTestApplication app, Func<List<Span>, bool> complete)
    {
        using var timeout = new CancellationTokenSource();
        // Exporters batch every few seconds; on a loaded CI machine give them time.
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        using var http = new HttpClient { BaseAddress = app.Dashboard() };
        var seen = 0;
        while (!timeout.IsCancellationRequested)
        {
            using var list = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/traces?service=gateway", UriKind.Relative), CancellationToken.None));
            foreach (var summary in list.RootElement.EnumerateArray())
            {
                var traceId = summary.GetProperty("traceId").GetString();
                using var response = await http.GetAsync(new Uri($"/api/traces/{traceId}", UriKind.Relative), CancellationToken.None);
                if (!response.IsSuccessStatusCode)
                {
                    continue;
                }

                using var trace = JsonDocument.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None));
                var spans = trace.RootElement.GetProperty("spans").EnumerateArray().Select(w => w.GetProperty("span")).Select(s => new Span(
                    s.GetProperty("service").GetString()!,
                    s.GetProperty("attributes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? ""))).ToList();
                seen = Math.Max(seen, spans.Count);
                if (complete(spans))
                {
                    return spans;
                }
            }

            await Task.Delay(500, CancellationToken.None);
        }

        var recent = await http.GetStringAsync(new Uri("/api/traces", UriKind.Relative), CancellationToken.None);
        Assert.Fail($"no trace held the expected spans (largest had {seen}); recent traces: {recent[..Math.Min(recent.Length, 2000)]}\n{app.DescribeLogs()}");
        return [];
    }
}
