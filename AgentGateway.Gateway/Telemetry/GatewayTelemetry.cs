using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AgentGateway.Telemetry;

/// <summary>The gateway's ActivitySource and Meter (both named "AgentGateway", registered by ServiceDefaults).</summary>
public static class GatewayTelemetry
{
    /// <summary>Name of the ActivitySource and Meter.</summary>
    public const string Name = "AgentGateway";

    /// <summary>Spans of the gateway.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>Metrics of the gateway.</summary>
    public static readonly Meter Meter = new(Name);
}
