#pragma warning disable MCP9005 // Sampling, roots and logging are deprecated in 2026-07-28, but 2025-x clients and servers use them and the gateway forwards them.
using AgentGateway.Mcp.OpenApi;
using Microsoft.Extensions.Logging;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Upstream;

/// <summary>Opens a connection to one configured target (the SDK client for stdio/HTTP/SSE, the adapter for OpenAPI).</summary>
internal sealed class UpstreamTargetFactory(IHttpClientFactory httpClientFactory, ILoggerFactory loggerFactory, OpenApiToolSetLoader openApiLoader)
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    public const string UpstreamProtocolVersion = "2025-11-25";

    private readonly ILogger _logger = loggerFactory.CreateLogger("AgentGateway.Mcp.Upstream");

    public async Task<IUpstreamTarget> ConnectAsync(McpTargetConfig target, string baseDirectory, IUpstreamCallbacks callbacks, CancellationToken cancellationToken)
    {
        if (target.OpenApi is { } openApi)
        {
            var tools = await openApiLoader.LoadAsync(openApi, baseDirectory, cancellationToken);
            return new OpenApiTarget(target.Name, tools, httpClientFactory.CreateClient("upstream"));
        }

        var transport = CreateTransport(target, baseDirectory);
        var client = await McpClient.CreateAsync(transport, CreateClientOptions(target.Name, callbacks), loggerFactory, cancellationToken);
        return new McpClientTarget(target.Name, client);
    }

    private IClientTransport CreateTransport(McpTargetConfig target, string baseDirectory)
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
                EnvironmentVariables = stdio.Env.ToDictionary(static p => p.Key, static p => (string?)p.Value),
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
            TransportMode = mode,
            AdditionalHeaders = target.Headers.ToDictionary(),
            ConnectionTimeout = ConnectTimeout,
        }, httpClientFactory.CreateClient("upstream"), loggerFactory, ownsHttpClient: true);
    }

    private static McpClientOptions CreateClientOptions(string target, IUpstreamCallbacks callbacks)
    {
        var handlers = new McpClientHandlers
        {
            NotificationHandlers =
            [
                new(NotificationMethods.ToolListChangedNotification, (_, ct) => callbacks.OnListChangedAsync(target, NotificationMethods.ToolListChangedNotification, ct)),
                new(NotificationMethods.PromptListChangedNotification, (_, ct) => callbacks.OnListChangedAsync(target, NotificationMethods.PromptListChangedNotification, ct)),
                new(NotificationMethods.ResourceListChangedNotification, (_, ct) => callbacks.OnListChangedAsync(target, NotificationMethods.ResourceListChangedNotification, ct)),
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
            // Upstream we always use the initialize handshake: it gives a session (kept in the session store) and
            // server-initiated sampling/elicitation/roots over it, which is what the gateway forwards; 2025-x servers
            // (including SDK servers in Stateful mode) would refuse sessionless 2026-07-28 requests anyway.
            ProtocolVersion = UpstreamProtocolVersion,
            ClientInfo = new Implementation { Name = "AgentGateway", Version = "1.0.0" },
            Capabilities = capabilities,
            Handlers = handlers,
            InitializationTimeout = ConnectTimeout,
        };
    }
}
