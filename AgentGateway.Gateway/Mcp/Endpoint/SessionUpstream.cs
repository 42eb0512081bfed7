#pragma warning disable MCP9005 // Sampling, roots and logging are deprecated in 2026-07-28, but 2025-x clients and servers use them and the gateway forwards them.
using System.Text.Json;
using AgentGateway.Mcp.Federation;
using AgentGateway.Mcp.Relay;
using AgentGateway.Mcp.Upstream;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>
/// The upstream side of one client session on this replica: the targets serving it (its own connections, or the
/// backend's shared ones) and the server session it forwards through. As
/// <see cref="IUpstreamCallbacks"/> it receives server-initiated traffic from its own upstream connections and
/// forwards it to this client only (sampling, elicitation, roots, logging, list changes, resource updates).
/// Requests go on the stream of the client request in progress on this replica (the tools/call that caused them),
/// else on the session's standalone stream, wherever it is held; notifications go on the standalone stream. The
/// <see cref="McpRelay"/> carries both, and the client's answers, between replicas.
/// </summary>
internal sealed class SessionUpstream : IUpstreamCallbacks, IAsyncDisposable
{
    private readonly McpServer _server;
    private readonly McpRelay _relay;
    private readonly ILogger _logger;
    private readonly List<McpServer> _requestsInProgress = [];
    private TargetSet? _own;

    public SessionUpstream(McpServer server, McpRelay relay, ILogger logger)
    {
        _server = server;
        _relay = relay;
        _logger = logger;
    }

    public string SessionId => _server.SessionId ?? "";

    public TargetSet Targets { get; private set; } = null!;

    /// <summary>The session's own connections (null when it uses the backend's shared ones).</summary>
    public TargetSet? OwnTargets => _own;

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
        var started = false;
        own.StateChanged += changed =>
        {
            // A target coming up or going down later changes the lists; connecting at the start (or on another replica's takeover) does not.
            if (Volatile.Read(ref started))
            {
                _ = NotifyAllListsChangedAsync();
            }
        };
        await own.StartAsync();
        Volatile.Write(ref started, true);
    }

    public async Task NotifyAllListsChangedAsync()
    {
        await SendAsync(NotificationMethods.ToolListChangedNotification);
        await SendAsync(NotificationMethods.PromptListChangedNotification);
        await SendAsync(NotificationMethods.ResourceListChangedNotification);
    }

    /// <summary>
    /// Marks a client request (its request-bound server) as in progress until disposed: server requests raised while it
    /// runs go on its response stream, as the spec asks for messages related to a request.
    /// </summary>
    public IDisposable EnterRequest(McpServer requestServer)
    {
        lock (_requestsInProgress)
        {
            _requestsInProgress.Add(requestServer);
        }

        return new RequestScope(this, requestServer);
    }

    public async Task SendAsync(string method, object? parameters = null)
    {
        try
        {
            var notification = new JsonRpcNotification
            {
                Method = method,
                Params = parameters is null ? null : JsonSerializer.SerializeToNode(parameters, McpJsonUtilities.DefaultOptions.GetTypeInfo(parameters.GetType())),
            };
            if (CurrentRequest() is { } inProgress)
            {
                await inProgress.SendMessageAsync(notification, CancellationToken.None); // e.g. a list change caused by this tools/call
            }
            else
            {
                await _relay.SendToStreamAsync(SessionId, notification, m => _server.SendMessageAsync(m, CancellationToken.None));
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException or McpException)
        {
            Log.ForwardFailed(_logger, _server.SessionId, ex.Message);
        }
    }

    public async ValueTask<CreateMessageResult> SampleAsync(string target, CreateMessageRequestParams? request,
        IProgress<ProgressNotificationValue> progress, CancellationToken cancellationToken) =>
        await RequestAsync<CreateMessageRequestParams, CreateMessageResult>(RequestMethods.SamplingCreateMessage,
            request ?? throw new McpProtocolException("Missing params", McpErrorCode.InvalidParams), cancellationToken);

    public async ValueTask<ListRootsResult> ListRootsAsync(string target, ListRootsRequestParams? request, CancellationToken cancellationToken) =>
        await RequestAsync<ListRootsRequestParams, ListRootsResult>(RequestMethods.RootsList, request ?? new ListRootsRequestParams(), cancellationToken);

    public async ValueTask<ElicitResult> ElicitAsync(string target, ElicitRequestParams? request, CancellationToken cancellationToken) =>
        await RequestAsync<ElicitRequestParams, ElicitResult>(RequestMethods.ElicitationCreate,
            RevisionBridge.ForClient(request ?? throw new McpProtocolException("Missing params", McpErrorCode.InvalidParams), _server.NegotiatedProtocolVersion),
            cancellationToken);

    private async Task<TResult> RequestAsync<TParams, TResult>(string method, TParams parameters, CancellationToken cancellationToken)
        where TResult : class
    {
        var options = McpJsonUtilities.DefaultOptions;
        var inProgress = CurrentRequest();
        var result = await _relay.SendRequestAsync(SessionId, method, JsonSerializer.SerializeToNode(parameters, options.GetTypeInfo(typeof(TParams))),
            (message, ct) => inProgress is not null
                ? OutgoingRequests.SendAsync(inProgress, message, ct)
                : _relay.SendToStreamAsync(SessionId, message, m => OutgoingRequests.SendAsync(_server, m, ct)),
            cancellationToken);
        return result?.Deserialize(options.GetTypeInfo(typeof(TResult))) as TResult
            ?? throw new McpProtocolException($"The client answered {method} without a result", McpErrorCode.InternalError);
    }

    private McpServer? CurrentRequest()
    {
        lock (_requestsInProgress)
        {
            return _requestsInProgress.Count > 0 ? _requestsInProgress[^1] : null;
        }
    }

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

    private sealed class RequestScope(SessionUpstream session, McpServer requestServer) : IDisposable
    {
        public void Dispose()
        {
            lock (session._requestsInProgress)
            {
                session._requestsInProgress.Remove(requestServer);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_own is not null)
        {
            await _own.DisposeAsync();
        }
    }
}
