using System.ComponentModel;
using ModelContextProtocol.Server;

namespace AgentGateway.Tests.Mcp.TestServers;

/// <summary>Tools of the legacy SSE test server.</summary>
[McpServerToolType]
public sealed class SseTools
{
    [McpServerTool(Name = "upper"), Description("Upper-cases a text")]
    public static string Upper(string text) => text.ToUpperInvariant();
}
