#pragma warning disable MCP9005 // Sampling, roots and logging are deprecated in 2026-07-28, but 2025-x clients and servers use them and the gateway forwards them.
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>
/// Callbacks of the backend's shared upstream connections (used by clients that cannot answer server requests
/// and by sessionless requests). List changes go to every session on the shared connections; server requests are
/// refused (no capability was advertised for them); log messages are not broadcast, they would leak across users.
/// </summary>
internal sealed class SharedCallbacks(Func<IEnumerable<SessionUpstream>> sessions) : Upstream.IUpstreamCallbacks
{
    public bool ForwardsClientRequests => false;

    public ClientCapabilities? ClientCapabilities => null;

    public ValueTask<CreateMessageResult> SampleAsync(string target, CreateMessageRequestParams? request,
        IProgress<ProgressNotificationValue> progress, CancellationToken cancellationToken) =>
        throw new McpProtocolException("Sampling is not available on this connection", McpErrorCode.MethodNotFound);

    public ValueTask<ElicitResult> ElicitAsync(string target, ElicitRequestParams? request, CancellationToken cancellationToken) =>
        throw new McpProtocolException("Elicitation is not available on this connection", McpErrorCode.MethodNotFound);

    public ValueTask<ListRootsResult> ListRootsAsync(string target, ListRootsRequestParams? request, CancellationToken cancellationToken) =>
        throw new McpProtocolException("Roots are not available on this connection", McpErrorCode.MethodNotFound);

    public ValueTask OnLogMessageAsync(string target, LoggingMessageNotificationParams message, CancellationToken cancellationToken) => default;

    public async ValueTask OnListChangedAsync(string target, string method, CancellationToken cancellationToken)
    {
        foreach (var session in sessions())
        {
            await session.SendAsync(method);
        }
    }

    public ValueTask OnResourceUpdatedAsync(string target, ResourceUpdatedNotificationParams notification, CancellationToken cancellationToken) => default;
}
