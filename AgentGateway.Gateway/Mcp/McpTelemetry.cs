using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AgentGateway.Telemetry;

namespace AgentGateway.Mcp;

/// <summary>Spans of MCP requests with the MCP semantic-convention attribute names. No arguments or prompts, ever.</summary>
internal static class McpTelemetry
{
    public const string MethodTag = "mcp.method.name";
    public const string SessionTag = "mcp.session.id";
    public const string ToolTag = "gen_ai.tool.name";
    public const string TargetTag = "agentgateway.mcp.target";
    public const string BackendTag = "agentgateway.mcp.backend";
    public const string TargetProtocolTag = "agentgateway.mcp.target.protocol_version";

    /// <summary>Set (true) on the span of a call that took the forwarding path instead of the SDK's (see docs/mcp.md).</summary>
    public const string ForwardedTag = "agentgateway.mcp.forwarded";

    /// <summary>
    /// Tool calls by backend, target, tool (only names that resolved, so clients cannot inflate label sets), outcome and
    /// the MCP revision the target negotiated ("none" when the call never reached a connected target, "openapi" for OpenAPI).
    /// </summary>
    public static readonly Counter<long> ToolCalls = GatewayTelemetry.Meter.CreateCounter<long>(
        "agentgateway.mcp.tool_calls", "{call}", "MCP tool calls by backend, target, tool, outcome (ok, tool_error, error) and the target's negotiated protocol_version");

    /// <summary>
    /// Client sessions live on this replica, by backend: started by the SDK's session loop (created or migrated here)
    /// and ended when that loop ends (DELETE, idle expiry, shutdown), so idle expiry is counted too. A session that
    /// survives a config reload is briefly held by two runtimes; it is counted once.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Backend, string Session), int> LiveSessions = new();

    private static readonly ObservableGauge<long> ActiveSessions = GatewayTelemetry.Meter.CreateObservableGauge(
        "agentgateway.mcp.sessions.active", ObserveActiveSessions, "{session}", "MCP client sessions served by this replica, by backend");

    public static void SessionStarted(string backend, string sessionId) => LiveSessions.AddOrUpdate((backend, sessionId), 1, static (_, n) => n + 1);

    public static void SessionEnded(string backend, string sessionId)
    {
        var key = (backend, sessionId);
        while (LiveSessions.TryGetValue(key, out var n))
        {
            if (n <= 1 ? LiveSessions.TryRemove(new KeyValuePair<(string, string), int>(key, n)) : LiveSessions.TryUpdate(key, n - 1, n))
            {
                return;
            }
        }
    }

    /// <summary>The live session count of one backend (tests, and the gauge).</summary>
    public static int CountSessions(string backend) => LiveSessions.Keys.Count(k => k.Backend == backend);

    private static IEnumerable<Measurement<long>> ObserveActiveSessions() =>
        LiveSessions.Keys.GroupBy(static k => k.Backend)
            .Select(static g => new Measurement<long>(g.Count(), new KeyValuePair<string, object?>("backend", g.Key)));

    public static Activity? StartRequest(string method, string? sessionId, string backend, string? toolName = null)
    {
        var activity = GatewayTelemetry.ActivitySource.StartActivity(toolName is null ? method : $"{method} {toolName}", ActivityKind.Internal);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(MethodTag, method);
        activity.SetTag(BackendTag, backend);
        if (!string.IsNullOrEmpty(sessionId))
        {
            activity.SetTag(SessionTag, sessionId);
        }

        if (toolName is not null)
        {
            activity.SetTag(ToolTag, toolName);
        }

        return activity;
    }
}
