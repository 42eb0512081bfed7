using System.Diagnostics;
using System.Diagnostics.Metrics;
using AgentGateway.Telemetry;

namespace AgentGateway.Llm.VirtualModels;

/// <summary>Routing decisions and ejections of virtual models, as metrics and span attributes.</summary>
internal static class VirtualModelTelemetry
{
    public const string VirtualModelTag = "agentgateway.llm.virtual_model";
    public const string StrategyTag = "agentgateway.llm.routing.strategy";
    public const string ProviderTag = "agentgateway.llm.provider";

    public static readonly Counter<long> Decisions = GatewayTelemetry.Meter.CreateCounter<long>(
        "agentgateway.llm.routing.decisions", "{decision}", "Targets chosen by virtual models, by virtual model, provider and strategy");

    public static readonly Counter<long> Ejections = GatewayTelemetry.Meter.CreateCounter<long>(
        "agentgateway.llm.routing.ejections", "{ejection}", "Virtual-model targets ejected after consecutive failures, by virtual model and provider");

    public static void Decided(VirtualTarget chosen) =>
        Decisions.Add(1, new TagList
        {
            { VirtualModelTag, chosen.Owner.Name },
            { ProviderTag, chosen.Provider.Name },
            { StrategyTag, chosen.Owner.Strategy.Name() },
        });

    public static void Ejected(VirtualTarget target) =>
        Ejections.Add(1, new TagList
        {
            { VirtualModelTag, target.Owner.Name },
            { ProviderTag, target.Provider.Name },
        });

    /// <summary>Marks a provider attempt's span as routed by a virtual model (the provider is already on it).</summary>
    public static void Tag(Activity? attempt, VirtualTarget target)
    {
        attempt?.SetTag(VirtualModelTag, target.Owner.Name);
        attempt?.SetTag(StrategyTag, target.Owner.Strategy.Name());
    }
}
