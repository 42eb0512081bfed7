using System.Diagnostics.Metrics;

namespace AgentGateway.Telemetry;

/// <summary>The gateway's own instruments (Meter "AgentGateway"); exported over OTLP and Prometheus.</summary>
public static class GatewayMetrics
{
    /// <summary>Requests by route, backend kind and status code.</summary>
    public static readonly Counter<long> Requests =
        GatewayTelemetry.Meter.CreateCounter<long>("agentgateway.requests", "{request}", "Requests served, by route, backend kind and status");

    /// <summary>Request duration by route, backend kind and status code.</summary>
    public static readonly Histogram<double> RequestDuration =
        GatewayTelemetry.Meter.CreateHistogram<double>("agentgateway.request.duration", "s", "Time to serve a request");

    /// <summary>Authorization decisions by action and decision.</summary>
    public static readonly Counter<long> AuthorizationDecisions =
        GatewayTelemetry.Meter.CreateCounter<long>("agentgateway.authorization.decisions", "{decision}", "Cedar authorization decisions");

    /// <summary>Authorization errors by route, action, policy and effect (forbid, permit, or request: not representable).</summary>
    public static readonly Counter<long> AuthorizationErrors =
        GatewayTelemetry.Meter.CreateCounter<long>("agentgateway.authorization.errors", "{error}", "Cedar policies that could not be evaluated, and requests that could not be presented to Cedar");

    /// <summary>Requests rejected by a rate limit, by route.</summary>
    public static readonly Counter<long> RateLimitRejections =
        GatewayTelemetry.Meter.CreateCounter<long>("agentgateway.ratelimit.rejections", "{request}", "Requests rejected by a rate limit");
}
