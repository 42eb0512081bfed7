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

    /// <summary>Tool calls by backend, target, tool (only names that resolved, so clients cannot inflate label sets) and outcome.</summary>
    public static readonly Counter<long> ToolCalls = GatewayTelemetry.Meter.CreateCounter<long>(
        "agentgateway.mcp.tool_calls", "{call}", "MCP tool calls by backend, target, tool and outcome (ok, tool_error, error)");

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
