#pragma warning disable MCP9005 // Sampling, roots and logging are deprecated in 2026-07-28, but 2025-x clients and servers use them and the gateway forwards them.
using AgentGateway.Mcp.Federation;
using AgentGateway.Mcp.Upstream;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>
/// One client-facing session: the server session it talks through and the targets serving it. As
/// <see cref="IUpstreamCallbacks"/> it receives server-initiated traffic from its own upstream connections and
/// forwards it to this client only (sampling, elicitation, roots, logging, list changes, resource updates).
/// </summary>
internal sealed class ClientSession : IUpstreamCallbacks, IAsyncDisposable
{
    private readonly McpServer _server;
    private readonly ILogger _logger;
    private TargetSet? _own;

    public ClientSession(McpServer server, ILogger logger)
    {
        _server = server;
        _logger = logger;
    }

    public string SessionId => _server.SessionId ?? "";

    public TargetSet Targets { get; private set; } = null!;

    /// <summary>Whether this client answers server requests, so it needs upstream connections of its own.</summary>
    public static bool NeedsOwnConnections(ClientCapabilities? caps) =>
        caps is not null && (caps.Sampling is not null || caps.Elicitation is not null || caps.Roots is not null);

    public bool ForwardsClientRequests => true;

    public ClientCapabilities? ClientCapabilities => _server.ClientCapabilities;

    public void UseShared(TargetSet shared) => Targets = shared;

    public async Task UseOwnAsync(TargetSet own)
    {
        _own = own;
        Targets = own;
        own.StateChanged += changed => { _ = NotifyAllListsChangedAsync(); };
        await own.StartAsync();
    }

    public async Task NotifyAllListsChangedAsync()
    {
        await SendAsync(NotificationMethods.ToolListChangedNotification);
        await SendAsync(NotificationMethods.PromptListChangedNotification);
        await SendAsync(NotificationMethods.ResourceListChangedNotification);
    }

    public async Task SendAsync(string method, object? parameters = null)
    {
        try
        {
            if (parameters is null)
            {
                await _server.SendNotificationAsync(method, CancellationToken.None);
            }
            else
            {
                await _server.SendNotificationAsync(method, parameters, McpJsonUtilities.DefaultOptions, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException or McpException)
        {
            Log.ForwardFailed(_logger, _server.SessionId, ex.Message);
        }
    }

    public async ValueTask<CreateMessageResult> SampleAsync(string target, CreateMessageRequestParams? request,
        IProgress<ProgressNotificationValue> progress, CancellationToken cancellationToken) =>
        await _server.SampleAsync(request ?? throw new McpProtocolException("Missing params", McpErrorCode.InvalidParams), cancellationToken);

    public async ValueTask<ListRootsResult> ListRootsAsync(string target, ListRootsRequestParams? request, CancellationToken cancellationToken) =>
        await _server.RequestRootsAsync(request ?? new ListRootsRequestParams(), cancellationToken);

    public async ValueTask<ElicitResult> ElicitAsync(string target, ElicitRequestParams? request, CancellationToken cancellationToken) =>
        await _server.ElicitAsync(request ?? throw new McpProtocolException("Missing params", McpErrorCode.InvalidParams), cancellationToken);

    public async ValueTask OnLogMessageAsync(string target, LoggingMessageNotificationParams message, CancellationToken cancellationToken)
    {
        message.Logger = message.Logger is { Length: > 0 } logger ? $"{target}/{logger}" : target;
        await SendAsync(NotificationMethods.LoggingMessageNotification, message);
    }

    public async ValueTask OnListChangedAsync(string target, string method, CancellationToken cancellationToken) => await SendAsync(method);

    public async ValueTask OnResourceUpdatedAsync(string target, ResourceUpdatedNotificationParams notification, CancellationToken cancellationToken)
    {
        notification.Uri = FederatedNames.ExposeUri(target, notification.Uri, Targets.Prefixed);
        await SendAsync(NotificationMethods.ResourceUpdatedNotification, notification);
    }

    public async ValueTask DisposeAsync()
    {
        if (_own is not null)
        {
            await _own.DisposeAsync();
        }
    }
}
