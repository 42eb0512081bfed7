#pragma warning disable MCP9005 // Sampling, roots and logging are deprecated in 2026-07-28, but 2025-x clients and servers use them and the gateway forwards them.
using AgentGateway.Mcp.Federation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>
/// The SDK's MCP server for one backend, in a private service provider: <c>AddMcpServer().WithHttpTransport()</c>
/// and <c>MapMcp("")</c> give us Streamable HTTP (sessions for initialize clients, sessionless 2026-07-28 requests)
/// and legacy SSE, without hand-written JSON-RPC framing. Private because routes and backends come from config
/// at runtime and each backend is its own server with its own sessions.
/// </summary>
internal sealed class McpSdkHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hostedServices;

    public McpSdkHost(McpBackendRuntime runtime, FederatedHandlers handlers, IServiceProvider gatewayServices)
    {
        var services = new ServiceCollection();
        services.AddSingleton(gatewayServices.GetRequiredService<ILoggerFactory>());
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(gatewayServices.GetRequiredService<IHostApplicationLifetime>());
        services.AddSingleton(TimeProvider.System);
        services.AddRouting();

        // Telemetry and authorization are composed around the handlers here, once per backend, not registered as the
        // SDK's request filters (which it applies again for every session). Outermost first: the span covers
        // authorization, which sees the resolved target.
        var telemetry = new FederatedTelemetryFilters(runtime.Name);
        var authorization = new FederatedAuthorizationFilters(gatewayServices.GetRequiredService<McpAuthorization>(), handlers);
        services.AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = $"AgentGateway ({runtime.Name})", Version = "1.0.0" };
                handlers.Install(options);
                authorization.WrapAround(options.Handlers);
                telemetry.WrapAround(options.Handlers);
                options.Filters.Message.OutgoingFilters.Add(Relay.OutgoingRequests.Filter);
                options.Capabilities = new ServerCapabilities
                {
                    Tools = new ToolsCapability { ListChanged = true },
                    Prompts = new PromptsCapability { ListChanged = true },
                    Resources = new ResourcesCapability { ListChanged = true, Subscribe = true },
                    Completions = new CompletionsCapability(),
                    Logging = new LoggingCapability(),
                };
            })
            .WithHttpTransport(options =>
            {
                // Stateful for initialize (2025-x) clients so sampling, elicitation and roots work; 2026-07-28 requests are served sessionless.
                options.SessionMode = HttpServerSessionMode.StatefulForInitializeClients;
#pragma warning disable MCP9006 // Stateful mode is required: sampling, elicitation and roots need a session (DESIGN.md §5).
                options.IdleTimeout = runtime.Ttl;
#pragma warning restore MCP9006
                // Set so the SDK asks the options factory for each session: SessionOptionsFactory hands out the options
                // of the targets' current capabilities (nothing is left to do per session here).
                options.ConfigureSessionOptions = static (_, _, _) => Task.CompletedTask;
#pragma warning disable MCP9004 // Legacy SSE is a requirement of the gateway (older clients); it is only reachable through our route.
                options.EnableLegacySse = true;
#pragma warning restore MCP9004
#pragma warning disable MCP9006 // Session migration is how a session survives a config reload or moves between replicas (state in IMcpSessionStore).
                options.SessionMigrationHandler = new McpSessionMigration(runtime);
                options.EventStreamStore = runtime.EventStreams; // Last-Event-ID replay on any replica
#pragma warning restore MCP9006
#pragma warning disable MCPEXP002 // RunSessionHandler is the one hook that tells us when a session ends (DELETE, idle timeout).
                options.RunSessionHandler = async (_, server, cancellationToken) =>
                {
                    try
                    {
                        runtime.StartSession(server);
                        await server.RunAsync(cancellationToken);
                    }
                    finally
                    {
                        await runtime.EndSessionAsync(server.SessionId);
                    }
                };
#pragma warning restore MCPEXP002
            });
        services.AddSingleton<IOptionsFactory<McpServerOptions>>(provider => new SessionOptionsFactory(
            new OptionsFactory<McpServerOptions>(provider.GetServices<IConfigureOptions<McpServerOptions>>(),
                provider.GetServices<IPostConfigureOptions<McpServerOptions>>(), provider.GetServices<IValidateOptions<McpServerOptions>>()),
            runtime.AbsentCapabilities));
        _services = services.BuildServiceProvider();
        Endpoints = new McpEndpointTable(_services);
        Endpoints.MapMcp("");
        Endpoints.Freeze();
        _hostedServices = [.. _services.GetServices<IHostedService>()];
    }

    public McpEndpointTable Endpoints { get; }

    /// <summary>Starts the SDK's background services (idle session pruning).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var service in _hostedServices)
        {
            await service.StartAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _hostedServices)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
