using System.Diagnostics;
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
