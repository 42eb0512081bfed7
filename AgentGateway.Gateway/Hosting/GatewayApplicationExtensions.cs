using AgentGateway.Admin;
using AgentGateway.Configuration;
using AgentGateway.Routing;
using AgentGateway.Security;
using AgentGateway.Telemetry;
using AgentGateway.Traffic;

namespace AgentGateway.Hosting;

/// <summary>The gateway's request pipeline and its startup config check.</summary>
public static class GatewayApplicationExtensions
{
    /// <summary>
    /// Loads and validates the configuration and starts watching the file. Returns every error (empty when
    /// the config is valid); the caller exits with code 2 on errors.
    /// </summary>
    public static IReadOnlyList<ConfigError> LoadGatewayConfig(this WebApplication app) =>
        app.Services.GetRequiredService<GatewayConfigProvider>().Initialize(app.Configuration);

    /// <summary>
    /// Maps health, admin and the gateway pipeline: route match → CORS → body limit →
    /// authentication → traffic policies (rate limit, timeouts, headers) → dispatch to the backend kind.
    /// Requests that hit an endpoint (/health, /alive, admin) never reach routes.
    /// </summary>
    public static WebApplication MapAgentGateway(this WebApplication app)
    {
        var admin = app.Services.GetRequiredService<AdminListener>();
        var dispatcher = app.Services.GetRequiredService<BackendDispatcher>();
        app.MapDefaultEndpoints();
        if (admin.Enabled)
        {
            app.MapGatewayAdmin();
        }

        // The admin socket serves the admin API and health only; routes are for the public listeners.
        app.UseWhen(ctx => ctx.GetEndpoint() is null && !AdminListener.IsAdminRequest(ctx), gateway =>
        {
            gateway.UseMiddleware<RequestTelemetryMiddleware>();
            gateway.UseGatewaySecurityDiscovery();
            gateway.UseMiddleware<RouteMatchingMiddleware>();
            gateway.UseGatewayTrafficBeforeAuthentication();
            gateway.UseMiddleware<RequestBodyLimitMiddleware>();
            gateway.UseGatewaySecurity();
            gateway.UseGatewayTrafficPolicies();
            gateway.Run(dispatcher.DispatchAsync);
        });
        return app;
    }
}
