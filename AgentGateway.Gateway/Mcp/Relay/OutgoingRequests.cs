using System.Runtime.CompilerServices;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Relay;

/// <summary>
/// Sends a JSON-RPC request to the client as a plain message. The SDK only sends requests through its own
/// request/response correlation, which lives in one process; the gateway correlates them itself (any replica may get
/// the answer, see <see cref="McpRelay"/>). So the request rides in a carrier notification through the SDK's send path
/// (which picks the right stream), and an outgoing message filter swaps it back in just before the transport.
/// </summary>
internal static class OutgoingRequests
{
    private const string CarrierMethod = "agentgateway/outgoing-request";
    private static readonly ConditionalWeakTable<JsonRpcMessage, JsonRpcRequest> Carried = [];

    public static Task SendAsync(McpServer server, JsonRpcMessage message, CancellationToken cancellationToken)
    {
        if (message is not JsonRpcRequest request)
        {
            return server.SendMessageAsync(message, cancellationToken);
        }

        var carrier = new JsonRpcNotification { Method = CarrierMethod };
        Carried.Add(carrier, request);
        return server.SendMessageAsync(carrier, cancellationToken);
    }

    /// <summary>The outgoing message filter installed on every gateway MCP server.</summary>
    public static McpMessageHandler Filter(McpMessageHandler next) => (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is JsonRpcNotification { Method: CarrierMethod } carrier && Carried.TryGetValue(carrier, out var request))
        {
            request.Context = carrier.Context; // the stream the SDK chose for the carrier
            context.JsonRpcMessage = request;
        }

        return next(context, cancellationToken);
    };
}
