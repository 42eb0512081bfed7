using System.Diagnostics.Metrics;
using AgentGateway.Telemetry;

namespace AgentGateway.Llm.Cost;

/// <summary>The priced cost of LLM calls (Prometheus: <c>agentgateway_llm_cost_usd_total</c>).</summary>
internal static class CostTelemetry
{
    // The unit is an annotation ({USD}) so the Prometheus exporter does not append it to the name a second time.
    public static readonly Counter<double> Cost = GatewayTelemetry.Meter.CreateCounter<double>(
        "agentgateway.llm.cost.usd", "{USD}", "Cost of LLM calls in US dollars, priced with the price catalog");

    public static void Record(decimal usd, string route, string principal, string provider, string model) =>
        Cost.Add((double)usd, new("route", route), new("principal", principal), new("provider", provider), new("model", model));
}
