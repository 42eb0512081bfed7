using AgentGateway.A2A;
using AgentGateway.Admin;
using AgentGateway.Configuration;
using AgentGateway.Http;
using AgentGateway.Llm;
using AgentGateway.Mcp;
using AgentGateway.Redis;
using AgentGateway.Routing;
using AgentGateway.Security;
using AgentGateway.Telemetry.ConsoleOutput;
using AgentGateway.Traffic;
using Microsoft.Extensions.FileProviders;
using OpenTelemetry.Metrics;

namespace AgentGateway.Hosting;

/// <summary>Registers the whole gateway: configuration, routing, every backend kind, security, traffic, admin.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>Adds the gateway to the builder (config file source, listeners and services).</summary>
    public static WebApplicationBuilder AddAgentGateway(this WebApplicationBuilder builder, GatewayCommandLine commandLine)
    {
        var location = new ConfigFileLocation(commandLine.ConfigFile is null ? null : Path.GetFullPath(commandLine.ConfigFile));
        builder.AddGatewayConfigFile(location);
        var admin = AdminListener.From(builder.Configuration);
        builder.Logging.UseBatchedConsole();
        builder.ConfigureGatewayListeners(admin);

        var services = builder.Services;
        services.AddSingleton(location);
        services.AddSingleton(admin);
        services.AddSingleton(TimeProvider.System);
        services.AddGatewayConfiguration();
        services.AddGatewayRouting();
        services.AddGatewayHttp();
        RedisConnection.AddGatewayRedis(builder);
        services.AddGatewayDataProtection(builder.Configuration);
        services.AddHealthChecks()
            .AddCheck<ConfigHealthCheck>("config")
            .AddCheck<RedisHealthCheck>("redis");
        if (admin.Enabled)
        {
            // The Prometheus reader aggregates every instrument on every request; only the admin listener serves
            // its /metrics, so without one nothing could ever read what it aggregates.
            services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddPrometheusExporter());
        }

        services.AddGatewayAdmin();
        services.AddGatewaySecurity();
        services.AddGatewayTraffic();
        services.AddGatewayLlm();
        services.AddGatewayMcp();
        services.AddGatewayA2A();
        services.AddGatewayAdminDecisionLog(admin);
        return builder;
    }

    /// <summary>Config loading, validation and hot reload.</summary>
    public static IServiceCollection AddGatewayConfiguration(this IServiceCollection services)
    {
        services.AddSingleton<GatewayConfigLoader>();
        services.AddSingleton<GatewayConfigProvider>();
        services.AddSingleton<IGatewayConfigProvider>(sp => sp.GetRequiredService<GatewayConfigProvider>());
        services.AddSingleton<IConfigValidator, GeneralConfigValidator>();
        return services;
    }

    /// <summary>Route table, dispatch, the error writers and the shared "upstream" HTTP client.</summary>
    public static IServiceCollection AddGatewayRouting(this IServiceCollection services)
    {
        services.AddSingleton<IConfigValidator, RoutingConfigValidator>();
        services.AddSingleton<GatewayRuntimeProvider>();
        services.AddSingleton<BackendDispatcher>();
        // Each route's steps after route matching (MapAgentGateway's RouteSteps), compiled with the runtime.
        services.AddSingleton<IRuntimeCompiler, RoutePipelinesCompiler>();
        // Shared by LLM providers, MCP targets, A2A agents and JWKS/OpenAPI fetches, which send configured secrets
        // (api-key, x-api-key, target headers): a redirect would carry them to wherever the Location points, so 3xx
        // answers go back to the caller instead of being followed.
        services.AddHttpClient(UpstreamHttpClient.Name, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            // IHttpClientFactory wraps every client in two logging handlers (scope + request/response lines) that cost
            // a measurable share of each proxied call and log nothing at the default levels; upstream calls are
            // traced and metered by the gateway itself.
            .RemoveAllLoggers();
        services.AddSingleton<UpstreamHandlers>();
        services.AddSingleton<BackendErrorWriters>();
        return services;
    }

    /// <summary>Adds the config file under the <c>Gateway</c> section, before environment variables so they override it.</summary>
    private static void AddGatewayConfigFile(this WebApplicationBuilder builder, ConfigFileLocation location)
    {
        if (location.Path is null)
        {
            return;
        }

        var source = new GatewayFileConfigurationSource
        {
            Path = Path.GetFileName(location.Path),
            FileProvider = new PhysicalFileProvider(location.BaseDirectory),
            Optional = true,
            ReloadOnChange = true,
            ReloadDelay = 200,
        };
        var sources = builder.Configuration.Sources;
        var envIndex = sources.ToList().FindIndex(s =>
            s is Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (envIndex >= 0)
        {
            sources.Insert(envIndex, source);
        }
        else
        {
            sources.Add(source);
        }
    }
}
