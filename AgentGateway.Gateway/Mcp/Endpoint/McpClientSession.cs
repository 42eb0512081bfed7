using AgentGateway.Mcp.Sessions;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>What the session's record says about a request that names it.</summary>
internal enum SessionAdmission
{
    /// <summary>The session belongs to this backend and to the caller.</summary>
    Allowed,

    /// <summary>The session belongs to another backend: to this one it does not exist.</summary>
    OtherBackend,

    /// <summary>The session belongs to another principal.</summary>
    OtherPrincipal,
}

/// <summary>
/// One MCP client session as this replica knows it: the SDK server session it runs on here (once opened), its
/// upstream side (<see cref="SessionUpstream"/>, built on first use), whether this replica holds its standalone
/// stream, a DELETE in progress, and whether it has ended. Its transitions are the only way that state changes, so
/// the runtime's steps read as a sequence of them. The owner is not kept here: the store's record is the truth every
/// replica shares, and <see cref="Admit"/> checks a request against it.
/// </summary>
internal sealed class McpClientSession(string id)
{
    private readonly Lock _lock = new();
    private Lazy<Task<SessionUpstream>>? _upstream;
    private McpSessionRecord? _deleting;
    private bool _standaloneStarted;
    private bool _ended;
    private long _sdkSeen = Environment.TickCount64;

    public string Id => id;

    /// <summary>The SDK's server session on this replica; null until the session loop opens it here.</summary>
    public McpServer? Server { get; private set; }

    public bool IsOpen => Server is not null;

    /// <summary>
    /// How long ago the SDK last served a request of this session here. Requests the forwarding path serves do not
    /// reset the SDK's idle timer, so it sends one through the SDK now and then (see McpBackendRuntime.Forwarding).
    /// </summary>
    public TimeSpan SinceSdkRequest => TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref _sdkSeen));

    /// <summary>The SDK is serving a request of this session here.</summary>
    public void SawSdkRequest() => Volatile.Write(ref _sdkSeen, Environment.TickCount64);

    public bool IsEnded
    {
        get
        {
            lock (_lock)
            {
                return _ended;
            }
        }
    }

    /// <summary>The upstream side when it has been built and is ready; null otherwise (never waits).</summary>
    public SessionUpstream? ReadyUpstream
    {
        get
        {
            var upstream = Volatile.Read(ref _upstream);
            return upstream is { IsValueCreated: true, Value.IsCompletedSuccessfully: true } ? upstream.Value.Result : null;
        }
    }

    /// <summary>
    /// A session is bound to the backend and the principal that created it (<see cref="McpPrincipal"/>): the same
    /// session id through another route's backend does not exist, and through another principal is refused.
    /// </summary>
    public static SessionAdmission Admit(McpSessionRecord record, string backend, string principal) =>
        record.Backend != backend ? SessionAdmission.OtherBackend
        : record.Principal != principal ? SessionAdmission.OtherPrincipal
        : SessionAdmission.Allowed;

    /// <summary>The SDK's session loop started here (the session was created or migrated here). False when already open.</summary>
    public bool Open(McpServer server)
    {
        lock (_lock)
        {
            if (Server is not null || _ended)
            {
                return false;
            }

            Server = server;
            return true;
        }
    }

    /// <summary>The session's upstream side, built once by <paramref name="create"/> however many requests ask at once.</summary>
    public Task<SessionUpstream> GetUpstreamAsync(Func<Task<SessionUpstream>> create)
    {
        lock (_lock)
        {
            _upstream ??= new Lazy<Task<SessionUpstream>>(create);
            return _upstream.Value;
        }
    }

    /// <summary>
    /// Forgets the upstream side (the session ended on another replica while this one still serves its SDK session);
    /// returns it for disposal. A later request builds a new one.
    /// </summary>
    public SessionUpstream? DetachUpstream()
    {
        Lazy<Task<SessionUpstream>>? upstream;
        lock (_lock)
        {
            (upstream, _upstream) = (_upstream, null);
        }

        return upstream is { IsValueCreated: true, Value.IsCompletedSuccessfully: true } ? upstream.Value.Result : null;
    }

    /// <summary>
    /// A GET carrying the standalone stream arrived here: this replica holds the stream from now on. Returns whether a
    /// <c>Last-Event-ID</c> reconnection may resume from the event store, which is true only when the stream was
    /// started here (only that replica kept writing its events); otherwise the reconnection is served as a new stream.
    /// </summary>
    public bool TakeOverStandaloneStream()
    {
        lock (_lock)
        {
            var startedHere = _standaloneStarted;
            _standaloneStarted = true;
            return startedHere;
        }
    }

    /// <summary>A DELETE for the session is in progress here; false when one already is.</summary>
    public bool BeginDelete(McpSessionRecord record)
    {
        lock (_lock)
        {
            if (_deleting is not null)
            {
                return false;
            }

            _deleting = record;
            return true;
        }
    }

    /// <summary>The record of the DELETE in progress, taken once: whoever takes it ends the upstream sessions.</summary>
    public McpSessionRecord? TakeDelete()
    {
        lock (_lock)
        {
            var deleting = _deleting;
            _deleting = null;
            return deleting;
        }
    }

    /// <summary>
    /// The session's end on this replica: true the first time only, so the end's work (telemetry, upstream sessions,
    /// the record) happens once however many paths end it (the SDK's loop, the runtime's disposal).
    /// </summary>
    public bool End()
    {
        lock (_lock)
        {
            if (_ended)
            {
                return false;
            }

            _ended = true;
            _standaloneStarted = false;
            return true;
        }
    }

    /// <summary>Waits for the upstream side if one was being built (to dispose it at the end); null when none.</summary>
    public async Task<SessionUpstream?> TakeUpstreamAsync()
    {
        Lazy<Task<SessionUpstream>>? upstream;
        lock (_lock)
        {
            (upstream, _upstream) = (_upstream, null);
        }

        return upstream is { IsValueCreated: true } ? await upstream.Value : null;
    }
}
