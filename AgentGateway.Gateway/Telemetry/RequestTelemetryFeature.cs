namespace AgentGateway.Telemetry;

/// <summary>
/// What the gateway learned about a request while serving it, filled in by whichever step knows
/// (route match, authentication, authorization, the protocol handler) and read once at the end for the
/// span, the metrics and the access log. Get it with <c>context.Features.Get&lt;RequestTelemetryFeature&gt;()</c>.
/// </summary>
public sealed class RequestTelemetryFeature
{
    /// <summary>Route name, once matched.</summary>
    public string? Route { get; set; }

    /// <summary>The matched route's prepared metric tags and span names.</summary>
    internal RouteTelemetry? RouteTelemetry { get; set; }

    /// <summary>llm | mcp | a2a | http.</summary>
    public string? BackendKind { get; set; }

    /// <summary>Backend name.</summary>
    public string? Backend { get; set; }

    /// <summary>The upstream actually called (provider, target or destination), when known.</summary>
    public string? Upstream { get; set; }

    /// <summary>Last authorization decision: allow | deny.</summary>
    public string? AuthorizationDecision { get; set; }

    /// <summary>LLM input tokens.</summary>
    public long? InputTokens { get; set; }

    /// <summary>LLM output tokens.</summary>
    public long? OutputTokens { get; set; }

    /// <summary>MCP tool called.</summary>
    public string? Tool { get; set; }

    /// <summary>Response body bytes written.</summary>
    public long BytesOut { get; set; }
}
