#pragma warning disable MCP9006 // Stateful sessions with resumable streams are how the gateway serves 2025-x clients (DESIGN.md §5).
using System.Collections.Concurrent;
using AgentGateway.Mcp.Federation;
using AgentGateway.Mcp.Relay;
using AgentGateway.Mcp.Sessions;
using AgentGateway.Mcp.Upstream;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>
/// Everything one mcp backend needs at runtime, built from one config snapshot: the SDK's Streamable HTTP and SSE
/// server (in a private service provider, see <see cref="McpSdkHost"/>), the shared upstream connections, and the
/// client sessions with their own connections. Replaced as a whole when the backend's config changes.
/// </summary>
internal sealed partial class McpBackendRuntime : IAsyncDisposable
{
    private readonly McpSessionTable _table = new();
    private readonly ConcurrentDictionary<string, ModelContextProtocol.Protocol.ServerCapabilities> _knownCapabilities = new(StringComparer.Ordinal);
    private readonly TargetSet _shared;
    private readonly Task _sharedReady;
    private readonly UpstreamTargetFactory _factory;
    private readonly ILogger _logger;
    private readonly McpRelay _relay;
    private readonly UpstreamSessionCloser _closer;
    private readonly McpSdkHost _host;
    private readonly ToolListAnswers _toolLists;
    private readonly FederatedHandlers _handlers;
    private readonly McpAuthorization _authorization;
    private readonly SharedCallbacks _sharedCallbacks;
    private volatile bool _disposing;

    public McpBackendRuntime(string name, McpBackendConfig config, TimeSpan ttl, string baseDirectory, IMcpSessionStore store,
        ModelContextProtocol.Server.ISseEventStreamStore? eventStreams, IServiceProvider gatewayServices)
    {
        Name = name;
        Config = config;
        Ttl = ttl;
        BaseDirectory = baseDirectory;
        Store = store;
        EventStreams = eventStreams;
        _factory = gatewayServices.GetRequiredService<UpstreamTargetFactory>();
        _logger = gatewayServices.GetRequiredService<ILoggerFactory>().CreateLogger("AgentGateway.Mcp");
        _relay = gatewayServices.GetRequiredService<McpRelay>();
        _closer = gatewayServices.GetRequiredService<UpstreamSessionCloser>();
        _authorization = gatewayServices.GetRequiredService<McpAuthorization>();
        _sharedCallbacks = new SharedCallbacks(SessionsOnShared);
        _shared = new TargetSet(config, _factory, baseDirectory, _sharedCallbacks, _logger);
        _shared.StateChanged += changed =>
        {
            if (changed.Current is { } target)
            {
                _knownCapabilities[changed.Name] = target.Capabilities; // remembered while the target is down
            }

            _ = NotifySharedSessionsAsync();
        };
        _sharedReady = _shared.StartAsync();
        _handlers = new FederatedHandlers(name, ResolveTargetsAsync, EnterRequest, _logger);
        _toolLists = new ToolListAnswers(_handlers, _authorization);
        _host = new McpSdkHost(this, _handlers, gatewayServices);
        Log.BackendStarted(_logger, name, config.Targets.Count);
    }

    public string Name { get; }

    public McpBackendConfig Config { get; }

    public TimeSpan Ttl { get; }

    public string BaseDirectory { get; }

    public IMcpSessionStore Store { get; }

    /// <summary>Where SSE events are kept for <c>Last-Event-ID</c> replay (null: streams are not resumable).</summary>
    public ModelContextProtocol.Server.ISseEventStreamStore? EventStreams { get; }

    public Task StartAsync(CancellationToken cancellationToken) => _host.StartAsync(cancellationToken);

    /// <summary>The backend's shared target connections (the admin API's view; sessions' own connections negotiate alike).</summary>
    public IReadOnlyList<TargetStatus> DescribeTargets() => [.. _shared.Connections.Select(static c => c.Describe())];

    /// <summary>The shared target connections and whether names are prefixed (the admin UI lists each target's tools).</summary>
    public (IReadOnlyList<TargetConnection> Connections, bool Prefixed) SharedTargets => (_shared.Connections, _shared.Prefixed);

    /// <summary>
    /// Per new session (and per sessionless request): what to withdraw so the session advertises the union of the
    /// targets' capabilities (see <see cref="MergedCapabilities"/>, <see cref="SessionOptionsFactory"/>). Never waits
    /// for targets: a client's discovery probe has a short timeout.
    /// </summary>
    public MergedCapabilities.Absent AbsentCapabilities() =>
        MergedCapabilities.Of([.. Config.Targets.Select(t => _knownCapabilities.GetValueOrDefault(t.Name))]);

    /// <summary>
    /// Serves one request of the route (any sub-path, any method), as a sequence of steps (see the Steps part): the
    /// origin check, the session's admission, the SDK endpoint, a client's answer relayed to the replica that asked, a complete
    /// tools/list answered from the targets' cached lists, the standalone stream taken over here, DELETE bookkeeping, then the SDK itself.
    /// </summary>
    public async Task HandleAsync(HttpContext context)
    {
        if (!await CheckOriginAsync(context))
        {
            return;
        }

        var (admitted, record) = await AdmitSessionAsync(context);
        if (!admitted || await MatchEndpointAsync(context) is not { } handler)
        {
            return;
        }

        var sessionId = context.Request.Headers["Mcp-Session-Id"].ToString();
        if (await TryRelayClientAnswerAsync(context, sessionId) || await TryAnswerToolListAsync(context, sessionId) || await TryForwardAsync(context, sessionId))
        {
            return;
        }

        await using var stream = await TakeOverStandaloneStreamAsync(context, sessionId, record);
        var deleting = BeginDelete(context, sessionId, record);
        try
        {
            MarkSdkSeen(sessionId);
            await InvokeSdkAsync(context, handler);
            if (deleting?.TakeDelete() is { } deleted && context.Response.StatusCode < 300)
            {
                await EndEverywhereAsync(sessionId, deleted.UpstreamSessions, null); // not live here: the SDK's session loop will not end it
            }
        }
        finally
        {
            if (deleting is not null)
            {
                deleting.TakeDelete(); // a DELETE that failed ends nothing
                _table.RemoveIfUnused(deleting);
            }
        }
    }

    private void MarkSdkSeen(string sessionId)
    {
        if (sessionId.Length > 0)
        {
            _table.Find(sessionId)?.MarkSdkSeen();
        }
    }

    /// <summary>Called by the SDK's session loop when a session starts on this replica (created or migrated here).</summary>
    public void StartSession(McpServer server)
    {
        if (server.SessionId is { } id && _table.GetOrAdd(id).Open(server))
        {
            McpTelemetry.SessionStarted(Name, id);
        }
    }

    /// <summary>A client request in progress on its session (see <see cref="SessionUpstream.EnterRequest"/>); null when sessionless.</summary>
    private IDisposable? EnterRequest(McpServer requestServer) =>
        requestServer.SessionId is { } id ? _table.Find(id)?.ReadyUpstream?.EnterRequest(requestServer) : null;

    private IEnumerable<SessionUpstream> SessionsOnShared() =>
        _table.Snapshot().Select(static s => s.ReadyUpstream).OfType<SessionUpstream>().Where(u => ReferenceEquals(u.Targets, _shared));

    private async Task NotifySharedSessionsAsync()
    {
        foreach (var session in SessionsOnShared())
        {
            await session.NotifyAllListsChangedAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        await _host.DisposeAsync();
        foreach (var session in _table.Snapshot())
        {
            await EndSessionAsync(session.Id);
        }

        await _shared.DisposeAsync();
    }
}
