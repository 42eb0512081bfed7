using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AgentGateway.Tests.Infrastructure;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.LlmTestSetup;
using static AgentGateway.Tests.Llm.VirtualModels.VirtualModelSetup;

namespace AgentGateway.Tests.Llm.VirtualModels;

/// <summary>Each routing decision is on the attempt's span and counted in metrics; ejections are counted too.</summary>
public class VirtualModelTelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    [Fact]
    public async Task Decisions_AreOnTheSpan_AndCounted_AndEjectionsCounted()
    {
        var name = UniqueName("traced");
        var decisions = new ConcurrentQueue<(string? Provider, string? Strategy)>();
        var ejections = new ConcurrentQueue<string?>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "AgentGateway" && instrument.Name.StartsWith("agentgateway.llm.routing.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (Tag(tags, "agentgateway.llm.virtual_model") != name)
            {
                return;
            }

            if (instrument.Name == "agentgateway.llm.routing.decisions")
            {
                decisions.Enqueue((Tag(tags, "agentgateway.llm.provider"), Tag(tags, "agentgateway.llm.routing.strategy")));
            }
            else if (instrument.Name == "agentgateway.llm.routing.ejections")
            {
                ejections.Enqueue(Tag(tags, "agentgateway.llm.provider"));
            }
        });
        meters.Start();
        var spans = new ConcurrentQueue<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "AgentGateway",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (a.DisplayName == "chat " + name) { spans.Enqueue(a); } },
        };
        ActivitySource.AddActivityListener(activities);

        await using var failing = await MockLlmServer.StartAsync(new MockLlmOptions { FailStatus = 503 }, Ct);
        await using var healthy = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml(name, [failing, healthy], "strategy: failover\nejection: { consecutiveFailures: 2, coolDown: 5m }\n" + Targets(1, 1)));

        for (var i = 0; i < 3; i++)
        {
            await OpenAiChat(gw, name).CompleteChatAsync([new UserChatMessage("traced")], cancellationToken: Ct);
        }

        // Calls 1 and 2 choose p0 (fails, p1 answers); p0 is then ejected, so call 3 chooses p1.
        Assert.Equal([("p0", "failover"), ("p0", "failover"), ("p1", "failover")], decisions);
        Assert.Equal(["p0"], ejections);
        var attempts = spans.ToList();
        Assert.Equal(5, attempts.Count);
        Assert.All(attempts, s =>
        {
            Assert.Equal(name, s.GetTagItem("agentgateway.llm.virtual_model"));
            Assert.Equal("failover", s.GetTagItem("agentgateway.llm.routing.strategy"));
        });
        Assert.Equal(["p0", "p1", "p0", "p1", "p1"], attempts.Select(s => s.GetTagItem("agentgateway.llm.provider") as string));
        Assert.Equal(2, attempts.Count(s => s.Status == ActivityStatusCode.Error));
    }
}
