using AgentGateway.Llm;
using AgentGateway.Llm.Providers;
using AgentGateway.Llm.VirtualModels;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentGateway.Tests.Llm.VirtualModels;

/// <summary>The strategies and outlier ejection on their own, with a hand-driven clock (no real time, no timing).</summary>
public class VirtualModelStrategyTests
{
    private sealed class ManualClock : TimeProvider
    {
        public long Now { get; set; } = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Now;

        public void Advance(TimeSpan by) => Now += by.Ticks;
    }

    private static VirtualModel Model(string strategy, (string Provider, int Weight)[] targets, OutlierEjectionConfig? ejection = null, TimeProvider? time = null)
    {
        var health = new ProviderHealth(TimeProvider.System);
        var providers = targets.Select(t => new LlmProvider("b", new LlmProviderConfig { Name = t.Provider, Type = "mock" }, new HttpClientHandler(), health)).ToList();
        var config = new VirtualModelConfig
        {
            Strategy = strategy,
            Targets = [.. targets.Select(t => new VirtualModelTargetConfig { Provider = t.Provider, Model = "m", Weight = t.Weight })],
            Ejection = ejection,
        };
        return new VirtualModel("vm", config, providers, NullLogger.Instance, time);
    }

    private static string Pick(VirtualModel model) => model.Route(_ => true)[0].Provider.Name;

    [Fact]
    public void Weighted_EveryWindowOfTheWeightSum_MatchesTheWeightsExactly_AndSpreadsPicks()
    {
        var model = Model("weighted", [("a", 5), ("b", 1), ("c", 1)]);

        var picks = Enumerable.Range(0, 7 * 20).Select(_ => Pick(model)).ToList();

        foreach (var window in picks.Chunk(7))
        {
            Assert.Equal(5, window.Count(p => p == "a"));
            Assert.Equal(1, window.Count(p => p == "b"));
            Assert.Equal(1, window.Count(p => p == "c"));
        }

        Assert.Equal(["a", "a", "b", "a", "c", "a", "a"], picks.Take(7)); // smooth: b and c are not bunched at the end
    }

    [Fact]
    public void Route_PutsTheChosenTargetFirst_AndTheOthersAfterAsFailover()
    {
        var model = Model("weighted", [("a", 1), ("b", 3)]);

        var order = model.Route(_ => true).Select(t => t.Provider.Name).ToList();

        Assert.Equal(["b", "a"], order);
    }

    [Fact]
    public void Failover_AlwaysPicksTheFirstTargetNotEjected()
    {
        var model = Model("failover", [("a", 1), ("b", 1), ("c", 1)], new OutlierEjectionConfig { ConsecutiveFailures = 1 });

        Assert.Equal(["a", "b", "c"], model.Route(_ => true).Select(t => t.Provider.Name));
        model.Failed(model.Targets[0]);

        Assert.Equal(["b", "c", "a"], model.Route(_ => true).Select(t => t.Provider.Name)); // ejected: a last resort only
    }

    [Fact]
    public void LeastLatency_PrefersTheFastestSample_TriesUnmeasuredTargetsFirst_AndExploresTheStalest()
    {
        var clock = new ManualClock();
        var model = Model("leastLatency", [("slow", 1), ("fast", 1)], time: clock);
        var (slow, fast) = (model.Targets[0], model.Targets[1]);

        Assert.Equal("slow", Pick(model)); // no sample yet
        model.Succeeded(slow, TimeSpan.FromMilliseconds(300));
        Assert.Equal("fast", Pick(model)); // no sample yet
        model.Succeeded(fast, TimeSpan.FromMilliseconds(5));

        var picks = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            var chosen = model.Route(_ => true)[0];
            picks.Add(chosen.Provider.Name);
            model.Succeeded(chosen, chosen == slow ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromMilliseconds(5));
        }

        Assert.Equal(100 / LeastLatencySelector.ExploreEvery, picks.Count(p => p == "slow")); // only the exploration picks
    }

    [Fact]
    public void LeastLatency_ARecoveredTargetWinsItsTrafficBack()
    {
        var clock = new ManualClock();
        var model = Model("leastLatency", [("a", 1), ("b", 1)], time: clock);
        var (a, b) = (model.Targets[0], model.Targets[1]);
        model.Succeeded(a, TimeSpan.FromMilliseconds(300));
        model.Succeeded(b, TimeSpan.FromMilliseconds(20));

        var picks = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            var chosen = model.Route(_ => true)[0];
            picks.Add(chosen.Provider.Name);
            model.Succeeded(chosen, chosen == a ? TimeSpan.FromMilliseconds(2) : TimeSpan.FromMilliseconds(20)); // a has recovered
        }

        Assert.True(picks.TakeLast(50).Count(p => p == "a") >= 40, string.Join(",", picks.TakeLast(50)));
    }

    [Fact]
    public void LeastInflight_PicksTheLeastBusy_AndRotatesBetweenIdleTargets()
    {
        var model = Model("leastInflight", [("a", 1), ("b", 1), ("c", 1)]);

        Assert.Equal(["a", "b", "c", "a"], Enumerable.Range(0, 4).Select(_ => Pick(model))); // idle: rotate

        model.Targets[0].Enter();
        model.Targets[2].Enter();
        Assert.All(Enumerable.Range(0, 5).Select(_ => Pick(model)), p => Assert.Equal("b", p));
    }

    [Fact]
    public void Ejection_AfterConsecutiveFailures_LastsTheCoolDown_AndASuccessResetsTheCount()
    {
        var clock = new ManualClock();
        var model = Model("weighted", [("a", 1), ("b", 1)], new OutlierEjectionConfig { ConsecutiveFailures = 3, CoolDown = "10s" }, clock);
        var a = model.Targets[0];

        model.Failed(a);
        model.Failed(a);
        model.Succeeded(a, TimeSpan.FromMilliseconds(1)); // not consecutive any more
        model.Failed(a);
        model.Failed(a);
        Assert.Contains(Enumerable.Range(0, 4).Select(_ => Pick(model)), p => p == "a");

        model.Failed(a); // the third in a row
        Assert.All(Enumerable.Range(0, 10).Select(_ => Pick(model)), p => Assert.Equal("b", p));
        Assert.Equal("a", model.Route(_ => true)[^1].Provider.Name); // still a last resort

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Contains(Enumerable.Range(0, 4).Select(_ => Pick(model)), p => p == "a");
    }

    [Fact]
    public void Ejection_EveryTargetEjected_StillRoutesAmongAll()
    {
        var model = Model("failover", [("a", 1), ("b", 1)], new OutlierEjectionConfig { ConsecutiveFailures = 1 });
        model.Failed(model.Targets[0]);
        model.Failed(model.Targets[1]);

        Assert.Equal(["a", "b"], model.Route(_ => true).Select(t => t.Provider.Name));
    }
}
