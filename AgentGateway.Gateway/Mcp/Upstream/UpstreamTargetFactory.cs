#pragma warning disable MCP9005 // Sampling, roots and logging are deprecated in 2026-07-28, but 2025-x clients and servers use them and the gateway forwards them.
using AgentGateway.Mcp.OpenApi;
using AgentGateway.Mcp.Sessions;
using Microsoft.Extensions.Logging;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Upstream;

/// <summary>Opens a connection to one configured target (the SDK client for stdio/HTTP/SSE, the adapter for OpenAPI).</summary>
internal sealed class UpstreamTargetFactory(IHttpClientFactory httpClientFactory, Traffic.BackendTlsInvokers tlsClients, Routing.UpstreamHandlers plainHandlers,
    ILoggerFactory loggerFactory, OpenApiToolSetLoader openApiLoader, TimeProvider time)
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    private readonly ILogger _logger = loggerFactory.CreateLogger("AgentGateway.Mcp.Upstream");
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<McpTargetConfig, Forwarding.ForwardingPool> _forwardingPools = [];

    /// <summary>The clock the targets' list caches expire by.</summary>
    public TimeProvider Time => time;

    /// <summary>
    /// Connects to a target. <paramref name="resume"/> is an upstream session another replica (or an earlier
    /// runtime) opened: it is resumed without <c>initialize</c> when the server still knows it, else a new one is
    /// opened. When <paramref name="ownsSession"/> is false, disposing the connection leaves the upstream session
    /// open (other replicas may be using it; <see cref="UpstreamSessionCloser"/> ends it when the client's ends).
    /// The target's list changes reach <paramref name="lists"/> before <paramref name="callbacks"/> forward them.
    /// </summary>
    public async Task<IUpstreamTarget> ConnectAsync(McpTargetConfig target, string baseDirectory, IUpstreamCallbacks callbacks, UpstreamListCache lists,
        UpstreamSessionState? resume, bool ownsSession, CancellationToken cancellationToken)
    {
        if (target.OpenApi is { } openApi)
        {
            var tools = await openApiLoader.LoadAsync(openApi, baseDirectory, cancellationToken);
            return new OpenApiTarget(target.Name, tools, httpClientFactory.CreateClient(Routing.UpstreamHttpClient.Name));
        }

        if (resume is not null && SupportsResume(target) && await TryResumeAsync(target, callbacks, lists, resume, ownsSession, cancellationToken) is { } resumed)
        {
            return resumed;
        }

        var progress = new UpstreamProgress();
        var transport = new InitializeHandshakeTransport(new ProgressOrderingTransport(CreateTransport(target, baseDirectory, ownsSession, knownSessionId: null), progress));
        var client = await McpClient.CreateAsync(transport, CreateClientOptions(target.Name, callbacks, lists), loggerFactory, cancellationToken);
        return new McpClientTarget(target.Name, client, progress);
    }

    /// <summary>Only Streamable HTTP has sessions a second client can join (stdio is a process per replica, SSE a stream).</summary>
    private static bool SupportsResume(McpTargetConfig target) =>
        target.Url is not null && !target.Transport.Equals("sse", StringComparison.OrdinalIgnoreCase);

    private async Task<IUpstreamTarget?> TryResumeAsync(McpTargetConfig target, IUpstreamCallbacks callbacks, UpstreamListCache lists, UpstreamSessionState resume,
        bool ownsSession, CancellationToken cancellationToken)
    {
        McpClient? client = null;
        try
        {
            var json = McpJsonUtilities.DefaultOptions;
            var progress = new UpstreamProgress();
            var transport = new ProgressOrderingTransport(CreateTransport(target, "", ownsSession, resume.SessionId), progress);
            client = await McpClient.ResumeSessionAsync(transport, new ResumeClientSessionOptions
            {
                ServerCapabilities = (ServerCapabilities)JsonSerializer.Deserialize(resume.ServerCapabilities, json.GetTypeInfo(typeof(ServerCapabilities)))!,
                ServerInfo = (Implementation)JsonSerializer.Deserialize(resume.ServerInfo, json.GetTypeInfo(typeof(Implementation)))!,
                ServerInstructions = resume.Instructions,
                NegotiatedProtocolVersion = resume.ProtocolVersion,
            }, CreateClientOptions(target.Name, callbacks, lists), loggerFactory, cancellationToken);

            // Resuming sends nothing: one ping tells a live session from one the server has expired (404).
            await client.PingAsync(cancellationToken: cancellationToken);
            Log.UpstreamSessionResumed(_logger, target.Name);
            return new McpClientTarget(target.Name, client, progress);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (client is not null)
            {
                await client.DisposeAsync(); // leaves the upstream session alone when we do not own it
            }

            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            Log.UpstreamSessionResumeFailed(_logger, target.Name, ex.Message);
            return null;
        }
    }

    private IClientTransport CreateTransport(McpTargetConfig target, string baseDirectory, bool ownsSession, string? knownSessionId)
    {
        if (target.Stdio is { } stdio)
        {
            var name = target.Name;
            return new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = name,
                Command = stdio.Command,
                Arguments = [.. stdio.Args],
                WorkingDirectory = stdio.WorkingDirectory is { Length: > 0 } dir ? Path.GetFullPath(dir, baseDirectory) : baseDirectory,
                InheritEnvironmentVariables = false, // the gateway's secrets stay in the gateway
                EnvironmentVariables = StdioEnvironment.For(stdio),
                StandardErrorLines = line => Log.TargetStderr(_logger, name, line),
            }, loggerFactory);
        }

        var mode = target.Transport.ToUpperInvariant() switch
        {
            "SSE" => HttpTransportMode.Sse,
            "STREAMABLE-HTTP" => HttpTransportMode.StreamableHttp,
            _ => HttpTransportMode.AutoDetect,
        };
        return new HttpClientTransport(new HttpClientTransportOptions
        {
            Name = target.Name,
            Endpoint = new Uri(target.Url!),
            TransportMode = knownSessionId is null ? mode : HttpTransportMode.StreamableHttp,
            AdditionalHeaders = target.Headers.ToDictionary(),
            ConnectionTimeout = ConnectTimeout,
            KnownSessionId = knownSessionId,
            OwnsSession = ownsSession,
        }, HttpClientFor(target), loggerFactory, ownsHttpClient: true);
    }

    /// <summary>The client for a url target: its own TLS settings' connection pool, else the shared upstream one.</summary>
    public HttpClient HttpClientFor(McpTargetConfig target) =>
        target.Tls is { } tls ? tlsClients.Client(tls) : httpClientFactory.CreateClient(Routing.UpstreamHttpClient.Name);

    /// <summary>
    /// Where a forwarded call (Mcp/Forwarding) to <paramref name="target"/> goes: its URL, parsed once, and a shared
    /// connection pool with the same TLS settings as <see cref="HttpClientFor"/>, but without the runtime's
    /// DiagnosticsHandler (a client span and DiagnosticListener events per call; the forwarded call's own span covers
    /// it) and without <see cref="IHttpClientFactory"/>'s handlers, as LLM providers call (<see cref="Routing.UpstreamHandlers"/>).
    /// Trace context still goes upstream, with the forwarded call's span as its parent. Kept as long as the target's
    /// config (a reload with other settings gets another; the pools are shared, so nothing is disposed per call or runtime).
    /// </summary>
    public Forwarding.ForwardingPool ForwardingPoolFor(McpTargetConfig target) =>
        _forwardingPools.GetValue(target, t => new Forwarding.ForwardingPool(
            new HttpMessageInvoker(t.Tls is { } tls ? tlsClients.UntracedHandler(tls) : plainHandlers.For(t.Url), disposeHandler: false), new Uri(t.Url!)));

    private static McpClientOptions CreateClientOptions(string target, IUpstreamCallbacks callbacks, UpstreamListCache lists)
    {
        // The cached list is dropped before the change is forwarded: a client listing in answer must get the new one.
        ValueTask ListChanged(string method, CancellationToken ct)
        {
            lists.OnListChanged(method);
            return callbacks.OnListChangedAsync(target, method, ct);
        }

        var handlers = new McpClientHandlers
        {
            NotificationHandlers =
            [
                new(NotificationMethods.ToolListChangedNotification, (_, ct) => ListChanged(NotificationMethods.ToolListChangedNotification, ct)),
                new(NotificationMethods.PromptListChangedNotification, (_, ct) => ListChanged(NotificationMethods.PromptListChangedNotification, ct)),
                new(NotificationMethods.ResourceListChangedNotification, (_, ct) => ListChanged(NotificationMethods.ResourceListChangedNotification, ct)),
                new(NotificationMethods.LoggingMessageNotification, (n, ct) => n.Params.Deserialize<LoggingMessageNotificationParams>(McpJsonUtilities.DefaultOptions) is { } p
                    ? callbacks.OnLogMessageAsync(target, p, ct) : default),
                new(NotificationMethods.ResourceUpdatedNotification, (n, ct) => n.Params.Deserialize<ResourceUpdatedNotificationParams>(McpJsonUtilities.DefaultOptions) is { } p
                    ? callbacks.OnResourceUpdatedAsync(target, p, ct) : default),
            ],
        };

        var capabilities = new ClientCapabilities();
        var client = callbacks.ClientCapabilities;
        if (callbacks.ForwardsClientRequests && client is not null)
        {
            if (client.Sampling is not null)
            {
                capabilities.Sampling = client.Sampling;
                handlers.SamplingHandler = (p, progress, ct) => callbacks.SampleAsync(target, p, progress, ct);
            }

            if (client.Elicitation is not null)
            {
                capabilities.Elicitation = client.Elicitation;
                handlers.ElicitationHandler = (p, ct) => callbacks.ElicitAsync(target, p, ct);
            }

            if (client.Roots is not null)
            {
                capabilities.Roots = client.Roots;
                handlers.RootsHandler = (p, ct) => callbacks.ListRootsAsync(target, p, ct);
            }
        }

        return new McpClientOptions
        {
            // Unset, so the revision is negotiated: the SDK offers 2025-11-25 through initialize and accepts any
            // revision from 2024-11-05 on that the server answers (a pinned version is also the only one accepted).
            // InitializeHandshakeTransport keeps the SDK from probing for 2026-07-28 first: upstream we always use
            // the handshake, which gives a session (kept in the session store) and server-initiated
            // sampling/elicitation/roots over it, which is what the gateway forwards.
            ProtocolVersion = null,
            ClientInfo = new Implementation { Name = "AgentGateway", Version = "1.0.0" },
            Capabilities = capabilities,
            Handlers = handlers,
            InitializationTimeout = ConnectTimeout,
        };
    }
}
