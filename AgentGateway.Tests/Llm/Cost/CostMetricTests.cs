using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AgentGateway.Tests.Infrastructure;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm.Cost;

/// <summary>Every priced call adds its cost to <c>agentgateway.llm.cost.usd</c> (Prometheus: <c>agentgateway_llm_cost_usd_total</c>).</summary>
public class CostMetricTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APricedCall_AddsItsCost_TaggedByRoutePrincipalProviderAndModel_AndPrometheusShowsIt()
    {
        var route = "cost-" + Guid.NewGuid().ToString("N")[..8];
        var points = new ConcurrentQueue<(double Value, Dictionary<string, string?> Tags)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "AgentGateway" && instrument.Name == "agentgateway.llm.cost.usd")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var map = new Dictionary<string, string?>();
            foreach (var t in tags)
            {
                map[t.Key] = t.Value?.ToString();
            }

            if (map.GetValueOrDefault("route") == route)
            {
                points.Enqueue((value, map));
            }
        });
        meters.Start();
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        var adminPort = FreePort.Next();
        await using var gw = await TestGateway.StartAsync(
            $"admin: {{ url: \"http://127.0.0.1:{adminPort}\" }}\n"
            + $"routes: [{{ name: {route}, path: /v1, llm: models }}]\n"
            + "llm:\n  models:\n    providers:\n  " + Provider("up", "openai-compatible", mock.BaseUrl, "[mock-gpt]", "prices: { mock-gpt: { input: 100, output: 200 } }") + "\n");

        // 5 prompt words at $100/M and 5 echoed words at $200/M: $0.0015 per call.
        await OpenAiChat(gw, "mock-gpt").CompleteChatAsync([new UserChatMessage("one two three four five")], cancellationToken: Ct);
        await OpenAiChat(gw, "mock-gpt").CompleteChatAsync([new UserChatMessage("one two three four five")], cancellationToken: Ct);

        Assert.Equal(2, points.Count);
        Assert.All(points, p =>
        {
            Assert.Equal(0.0015, p.Value, 10);
            Assert.Equal("(anonymous)", p.Tags["principal"]);
            Assert.Equal("up", p.Tags["provider"]);
            Assert.Equal("mock-gpt", p.Tags["model"]);
        });

        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}") };
        var text = "";
        for (var attempt = 0; attempt < 30 && !text.Contains(route, StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100, Ct);
            text = await admin.GetStringAsync("/metrics", Ct);
        }

        Assert.Matches($"agentgateway_llm_cost_usd_total\\{{[^}}]*model=\"mock-gpt\"[^}}]*principal=\"\\(anonymous\\)\"[^}}]*provider=\"up\"[^}}]*route=\"{route}\"[^}}]*\\}} 0\\.003", text);
    }
}
