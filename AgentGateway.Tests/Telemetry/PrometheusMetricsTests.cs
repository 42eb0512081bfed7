using AgentGateway.Hosting;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace AgentGateway.Tests.Telemetry;

public class PrometheusMetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_ExposeGenAiTokenUsageMcpToolCallsAndRateLimitRejections_WithTheirLabels()
    {
        await using var upstream = await TestMcpServer.StartAsync();
        var adminPort = FreePort.Next();
        await using var gw = await TestGateway.StartAsync($$"""
            admin: { url: "http://127.0.0.1:{{adminPort}}" }
            routes:
              - { name: models, path: /v1, llm: models }
              - { name: tools, path: /mcp, mcp: tools }
              - { name: limited, path: /limited, llm: models, policies: [one-per-minute] }
            policies: { one-per-minute: { rateLimit: { requests: 1, per: 1m, key: route } } }
            llm: { models: { providers: [{ name: local, type: mock, models: ["*"] }] } }
            mcp:
              tools:
                targets:
            {{McpTestClient.UrlTarget("http", upstream.Url)}}
            """);
        var chat = await gw.CreateClient().PostAsync("/v1/chat/completions",
            new StringContent("""{"model":"metered-model","messages":[{"role":"user","content":"count these words please"}]}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        chat.EnsureSuccessStatusCode();
        await using (var client = await McpTestClient.ConnectAsync(gw))
        {
            await client.CallToolAsync("add", new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 }, cancellationToken: Ct);
        }

        for (var i = 0; i < 2; i++)
        {
            await gw.CreateClient().GetAsync("/limited/models", Ct);
        }

        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}") };
        var text = "";
        for (var attempt = 0; attempt < 30 && !(text.Contains("gen_ai_client_token_usage", StringComparison.Ordinal) && text.Contains("agentgateway_mcp_tool_calls", StringComparison.Ordinal)); attempt++)
        {
            await Task.Delay(100, Ct);
            text = await admin.GetStringAsync("/metrics", Ct);
        }

        Assert.Matches("gen_ai_client_token_usage[a-z_]*_bucket\\{[^}]*gen_ai_request_model=\"metered-model\"[^}]*gen_ai_token_type=\"input\"", text);
        Assert.Matches("gen_ai_client_operation_duration_seconds_bucket\\{[^}]*gen_ai_request_model=\"metered-model\"", text);
        Assert.Matches("agentgateway_mcp_tool_calls_total\\{[^}]*outcome=\"ok\"[^}]*target=\"http\"[^}]*tool=\"add\"[^}]*\\} 1", text);
        Assert.Matches("agentgateway_ratelimit_rejections_total\\{[^}]*reason=\"limit\"[^}]*route=\"limited\"[^}]*\\} 1", text);
        Assert.Matches("agentgateway_requests_total\\{[^}]*backend_kind=\"llm\"[^}]*route=\"models\"", text);
    }

    /// <summary>
    /// The Prometheus reader aggregates every measurement of every request (5–13 % of LLM passthrough throughput,
    /// bench/README.md); only the admin listener serves its /metrics, so without that listener there is no reader and
    /// an instrument of the gateway's meter provider is never enabled. A meter of the test's own (unique name) is
    /// added to that provider so that no other test's listener can enable it.
    /// </summary>
    [Theory]
    [InlineData("", false)]
    [InlineData("http://127.0.0.1:0", true)]
    public void Measurements_AreAggregatedOnlyWithTheAdminListenerThatServesThem(string adminUrl, bool expected)
    {
        var meterName = "agentgateway.tests." + Guid.NewGuid().ToString("N");
        var path = Path.Combine(Directory.CreateTempSubdirectory("agw-prometheus-").FullName, "gateway.yaml");
        File.WriteAllText(path, $"admin: {{ url: \"{adminUrl}\" }}\nroutes: []\n");
        var (app, errors) = GatewayApp.Build(
            GatewayCommandLine.Parse(["--config", path, "--hostBuilder:reloadConfigOnChange=false"]),
            builder => builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(meterName)));
        Assert.Empty(errors);
        using var disposable = app as IDisposable;
        _ = app!.Services.GetRequiredService<MeterProvider>();

        using var meter = new Meter(meterName);
        var counter = meter.CreateCounter<long>("probe");

        Assert.Equal(expected, counter.Enabled);
    }
}
