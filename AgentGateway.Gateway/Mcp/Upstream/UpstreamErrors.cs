using System.Net.Http;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace AgentGateway.Mcp.Upstream;

/// <summary>The JSON-RPC errors a client sees when a target cannot serve its request; each names the target.</summary>
internal static class UpstreamErrors
{
    public static McpProtocolException Unavailable(string target) =>
        new($"MCP target '{target}' is unavailable", McpErrorCode.InternalError);

    public static McpProtocolException Disconnected(string target) =>
        new($"MCP target '{target}' disconnected while handling the request", McpErrorCode.InternalError);

    public static McpProtocolException UnknownTarget(string kind, string name) =>
        new($"Unknown {kind}: '{name}'", McpErrorCode.InvalidParams);

    public static bool IsTransportFailure(Exception ex) =>
        ex is HttpRequestException or IOException or ClientTransportClosedException or ObjectDisposedException
            or InvalidOperationException or McpException { InnerException: not null };
}
