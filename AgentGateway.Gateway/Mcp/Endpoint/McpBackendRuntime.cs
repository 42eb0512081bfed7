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
    private readonly ConcurrentDictionary<string, Lazy<Task<ClientSession>>> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, McpServer> _sessionServers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ModelContextProtocol.Protocol.ServerCapabilities> _knownCapabilities = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, McpSessionRecord> _deleting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _standaloneStarted = new(StringComparer.Ordinal);
    private readonly TargetSet _shared;
    private readonly Task _sharedReady;
    private readonly UpstreamTargetFactory _factory;
    private readonly ILogger _logger;
    private readonly McpRelay _relay;
    private readonly UpstreamSessionCloser _closer;
    private readonly McpSdkHost _host;
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
        _shared = new TargetSet(config, _factory, baseDirectory, new SharedCallbacks(SessionsOnShared), _logger);
        _shared.StateChanged += changed =>
        {
            if (changed.Current is { } target)
            {
                _knownCapabilities[changed.Name] = target.Capabilities; // remembered while the target is down
            }

            _ = NotifySharedSessionsAsync();
        };
        _sharedReady = _shared.StartAsync();
        var handlers = new FederatedHandlers(name, gatewayServices.GetRequiredService<McpAuthorization>(), ResolveTargetsAsync, EnterRequest, _logger);
        _host = new McpSdkHost(this, handlers, gatewayServices);
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
    /// Per new session (and per sessionless request): advertise the union of the targets' capabilities (see
    /// <see cref="MergedCapabilities"/>). Never waits for targets: a client's discovery probe has a short timeout.
    /// </summary>
    public Task ConfigureSessionOptionsAsync(McpServerOptions options)
    {
        MergedCapabilities.Apply(options, [.. Config.Targets.Select(t => _knownCapabilities.GetValueOrDefault(t.Name))]);
        return Task.CompletedTask;
    }

    /// <summary>Serves one request of the route (any sub-path, any method).</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (!OriginValidator.IsAllowed(origin, Config.AllowedOrigins))
        {
            Log.OriginRejected(_logger, origin, Name);
            await McpHttpErrors.WriteAsync(context, StatusCodes.Status403Forbidden, -32000, "Forbidden: Origin not allowed");
            return;
        }

        McpSessionRecord? record;
        try
        {
            (var allowed, record) = await CheckSessionOwnerAsync(context);
            if (!allowed)
            {
                return;
            }
        }
        catch (StackExchange.Redis.RedisException)
        {
            // A session store outage is the gateway's problem, not a bad request: say so instead of a bare 500.
            await McpHttpErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, -32603, "Session store unavailable");
            return;
        }

        var (handler, status, allow) = _host.Endpoints.Match(context.Request.Path, context.Request.Method);
        if (handler is null)
        {
            if (allow is not null)
            {
                context.Response.Headers.Allow = allow;
            }

            await McpHttpErrors.WriteAsync(context, status, -32000, status == StatusCodes.Status405MethodNotAllowed ? "Method not allowed" : "Not found");
            return;
        }

        var sessionId = context.Request.Headers["Mcp-Session-Id"].ToString();
        if (sessionId.Length > 0 && await ClientResponseReader.TryReadAsync(context.Request, context.RequestAborted) is { } answer
            && await _relay.TryRouteAnswerAsync(sessionId, answer))
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted; // as the SDK answers a POSTed response
            return;
        }

        await using var stream = record is not null && await IsStandaloneStreamAsync(context, sessionId)
            ? await OpenStandaloneStreamAsync(sessionId)
            : null;
        var deleting = record is not null && HttpMethods.IsDelete(context.Request.Method) && _deleting.TryAdd(sessionId, record);
        try
        {
            await handler(context);
            if (deleting && _deleting.TryRemove(sessionId, out var deleted) && context.Response.StatusCode < 300)
            {
                await EndEverywhereAsync(sessionId, deleted.UpstreamSessions, null); // not live here: the SDK's session loop will not end it
            }
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            // e.g. the body-size limit cut the body while the SDK read it
            await McpHttpErrors.WriteAsync(context, ex.StatusCode, -32600, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request");
        }
        catch (System.Text.Json.JsonException) when (!context.Response.HasStarted)
        {
            // The SDK reads initialize params itself and lets a shape mismatch escape (a 500): the client's error, not ours.
            await McpHttpErrors.WriteAsync(context, StatusCodes.Status400BadRequest, -32602, "Invalid params");
        }
        catch (ArgumentException) when (!context.Response.HasStarted)
        {
            // The SDK's JsonObject throws on a duplicate key when it reads the message envelope (found by
            // McpSessionBodyPropertyTests): a body with two values for one key has no single meaning, so it is refused.
            await McpHttpErrors.WriteAsync(context, StatusCodes.Status400BadRequest, -32700, "Parse error: duplicate key");
        }
        finally
        {
            if (deleting)
            {
                _deleting.TryRemove(sessionId, out _); // a DELETE that failed ends nothing
            }
        }
    }

    private Task<IAsyncDisposable> OpenStandaloneStreamAsync(string sessionId)
    {
        Log.StandaloneStreamOpened(_logger, sessionId);
        return _relay.OpenStreamAsync(sessionId, message => SendToSessionAsync(sessionId, message));
    }

    /// <summary>
    /// Whether this GET carries the session's standalone stream, which this replica then holds while it runs: a new
    /// one, or a <c>Last-Event-ID</c> reconnection of it. The SDK resumes that stream from the event store, where only
    /// the replica whose session started it keeps writing. Anywhere else (typically: that replica died) the
    /// reconnection is served as this replica's new standalone stream, so messages reach the client again; events it
    /// missed in between are not replayed. A reconnection of a call's response stream is left to the SDK.
    /// </summary>
    private async ValueTask<bool> IsStandaloneStreamAsync(HttpContext context, string sessionId)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            return false;
        }

        var lastEventId = context.Request.Headers["Last-Event-ID"].ToString();
        if (lastEventId.Length > 0)
        {
            if (EventStreams is null
                || await EventStreams.GetStreamReaderAsync(lastEventId, context.RequestAborted) is not { } resumed
                || resumed.StreamId != StreamableHttpServerTransport.UnsolicitedMessageStreamId)
            {
                return false;
            }

            if (!_standaloneStarted.ContainsKey(sessionId))
            {
                context.Request.Headers.Remove("Last-Event-ID");
            }
        }

        _standaloneStarted[sessionId] = 0;
        return true;
    }

    /// <summary>Sends on the session's own transport here (its standalone stream), for messages relayed from other replicas.</summary>
    private Task SendToSessionAsync(string sessionId, ModelContextProtocol.Protocol.JsonRpcMessage message) =>
        _sessionServers.TryGetValue(sessionId, out var server) ? OutgoingRequests.SendAsync(server, message, CancellationToken.None) : Task.CompletedTask;

    /// <summary>Called by the SDK's session loop when a session starts on this replica (created or migrated here).</summary>
    public void StartSession(McpServer server)
    {
        if (server.SessionId is { } id)
        {
            _sessionServers[id] = server;
            McpTelemetry.SessionStarted(Name, id);
        }
    }

    /// <summary>A client request in progress on its session (see <see cref="ClientSession.EnterRequest"/>); null when sessionless.</summary>
    private IDisposable? EnterRequest(McpServer requestServer) =>
        requestServer.SessionId is { } id && _sessions.TryGetValue(id, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully
            ? lazy.Value.Result.EnterRequest(requestServer)
            : null;

    /// <summary>A session is bound to its backend and to the principal that created it; returns its record when it has one.</summary>
    private async Task<(bool Allowed, McpSessionRecord? Record)> CheckSessionOwnerAsync(HttpContext context)
    {
        var sessionId = context.Request.Headers["Mcp-Session-Id"].ToString();
        if (sessionId.Length == 0)
        {
            return (true, null);
        }

        var record = await Store.GetAsync(sessionId, context.RequestAborted);
        if (record is null)
        {
            if (_sessionServers.ContainsKey(sessionId))
            {
                // Deleted through another replica, or expired everywhere: this replica's copy must not outlive it.
                await DropUpstreamConnectionsAsync(sessionId);
                await McpHttpErrors.WriteAsync(context, StatusCodes.Status404NotFound, -32001, "Session not found");
                return (false, null);
            }

            return (true, null); // unknown: the SDK answers 404 "Session not found"
        }

        if (record.Backend != Name)
        {
            await McpHttpErrors.WriteAsync(context, StatusCodes.Status404NotFound, -32001, "Session not found");
            return (false, record);
        }

        if (record.Principal != McpPrincipal.Of(context.User))
        {
            await McpHttpErrors.WriteAsync(context, StatusCodes.Status403Forbidden, -32000,
                "Forbidden: the session belongs to another principal");
            return (false, record);
        }

        await Store.TouchAsync(sessionId, Ttl, context.RequestAborted);
        return (true, record);
    }

    private IEnumerable<ClientSession> SessionsOnShared() =>
        _sessions.Values.Where(static l => l.IsValueCreated && l.Value.IsCompletedSuccessfully)
            .Select(static l => l.Value.Result).Where(s => ReferenceEquals(s.Targets, _shared));

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
        foreach (var id in _sessions.Keys.ToList())
        {
            await EndSessionAsync(id);
        }

        await _shared.DisposeAsync();
    }
}
