using AgentGateway.Configuration;
using AgentGateway.Llm.Providers;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Llm.VirtualModels;

/// <summary>
/// A virtual model at run time: its targets with their learned state and its strategy. Lives as long as the backend
/// runtime, so what it learned survives a reload that leaves the backend's config unchanged and starts afresh otherwise.
/// </summary>
internal sealed class VirtualModel
{
    private readonly ITargetSelector _selector;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="providers">The backend's providers; the config is validated, so every target names one.</param>
    public VirtualModel(string name, VirtualModelConfig config, IReadOnlyList<LlmProvider> providers, ILogger logger, TimeProvider? time = null)
    {
        Name = name;
        Strategy = RoutingStrategies.Parse(config.Strategy) ?? RoutingStrategy.Weighted;
        Targets = [.. config.Targets.Select(t => new VirtualTarget(this, providers.First(p => string.Equals(p.Name, t.Provider, StringComparison.OrdinalIgnoreCase)), t.Model, t.Weight))];
        var ejection = config.Ejection ?? new OutlierEjectionConfig();
        EjectAfter = ejection.ConsecutiveFailures;
        CoolDown = Duration.TryParse(ejection.CoolDown, out var coolDown) ? coolDown : OutlierEjectionConfig.DefaultCoolDown;
        _selector = Strategy.CreateSelector();
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    public string Name { get; }

    public RoutingStrategy Strategy { get; }

    public IReadOnlyList<VirtualTarget> Targets { get; }

    public int EjectAfter { get; }

    public TimeSpan CoolDown { get; }

    /// <summary>
    /// The targets in the order to try them: the strategy's pick among those not ejected, the other healthy ones in
    /// config order, then the ejected ones (a last resort rather than no answer). All ejected: the strategy picks among all.
    /// </summary>
    public IReadOnlyList<VirtualTarget> Route(Func<VirtualTarget, bool> usable)
    {
        var now = _time.GetTimestamp();
        var candidates = Targets.Where(usable).ToList();
        if (candidates.Count == 0)
        {
            return candidates;
        }

        var healthy = candidates.Where(t => !t.IsEjected(now)).ToList();
        var chosen = _selector.Choose(healthy.Count > 0 ? healthy : candidates, now);
        VirtualModelTelemetry.Decided(chosen);
        return [chosen, .. healthy.Where(t => t != chosen), .. candidates.Where(t => t != chosen && !healthy.Contains(t))];
    }

    /// <summary>The attempt on <paramref name="target"/> got an answer after <paramref name="latency"/>.</summary>
    public void Succeeded(VirtualTarget target, TimeSpan latency) => target.Succeeded(latency, _time.GetTimestamp());

    /// <summary>The attempt on <paramref name="target"/> failed in a way that speaks against the provider.</summary>
    public void Failed(VirtualTarget target)
    {
        var until = _time.GetTimestamp() + (long)(CoolDown.TotalSeconds * _time.TimestampFrequency);
        if (target.Failed(EjectAfter, until))
        {
            VirtualModelTelemetry.Ejected(target);
            Log.TargetEjected(_logger, Name, target.Provider.Name, CoolDown, EjectAfter);
        }
    }
}
