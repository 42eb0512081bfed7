using System.Diagnostics.Metrics;
using AgentGateway.Telemetry;

namespace AgentGateway.Llm.Cache;

/// <summary>The cache's instrument: one count per request on a cached route, by result (hit, miss, bypass) and route.</summary>
internal static class ResponseCacheTelemetry
{
    public const string Hit = "hit";

    public const string Miss = "miss";

    public const string Bypass = "bypass";

    /// <summary>Response header telling the client where its answer came from.</summary>
    public const string Header = "x-agentgateway-cache";

    public static readonly Counter<long> Requests = GatewayTelemetry.Meter.CreateCounter<long>(
        "agentgateway.llm.cache.requests", "{request}", "LLM requests on routes with a response cache, by result (hit, miss, bypass)");

    public static void Record(HttpContext http, string route, string result)
    {
        http.Response.Headers[Header] = result;
        Requests.Add(1, new("result", result), new("route", route));
    }
}
