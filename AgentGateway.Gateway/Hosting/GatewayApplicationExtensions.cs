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
    /// Maps health, admin and the gateway pipeline. This is the one place that orders the gateway's steps; read it top
    /// to bottom for the path a request takes (docs/architecture.md, "The request path"). Requests that hit an endpoint
    /// (/health, /alive, admin) never reach routes.
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
            // First, so the span and the access-log line cover every later step, including their rejections.
            gateway.UseMiddleware<RequestTelemetryMiddleware>();
            // RFC 9728 metadata lives outside any route's path, so it is answered before route matching.
            gateway.UseMiddleware<ProtectedResourceMetadata>();
            // Pins the config snapshot and the route (404 without one); every later step reads the route.
            gateway.UseMiddleware<RouteMatchingMiddleware>();
            // Who the client is (forwarded headers from trusted proxies only, the client certificate), before CORS and
            // authentication look at the client address and certificate.
            gateway.UseMiddleware<ForwardedHeadersMiddleware>();
            // Preflights carry no credentials, so CORS answers them before authentication.
            gateway.UseMiddleware<CorsMiddleware>();
            // Refuses oversize bodies (413) before anything reads the body, authentication included.
            gateway.UseMiddleware<RequestBodyLimitMiddleware>();
            // The route's authentication methods (401 with WWW-Authenticate).
            gateway.UseMiddleware<AuthenticationMiddleware>();
            // Cedar on http routes as a whole (403); other kinds authorize each operation in their handler.
            gateway.UseMiddleware<HttpRouteAuthorizationMiddleware>();
            // Concurrency first (503 at once when full), so a request refused for overload uses no rate-limit budget.
            gateway.UseMiddleware<ConcurrencyLimitMiddleware>();
            // Rate limits need the principal, so they run after authentication (429).
            gateway.UseMiddleware<RateLimitMiddleware>();
            // Header rules rewrite what the backend receives and what the client gets back.
            gateway.UseMiddleware<HeaderRulesMiddleware>();
            // Hands the per-try backend timeout to the handler, which knows where a try starts (retries, failover).
            gateway.UseMiddleware<BackendTimeoutMiddleware>();
            // Authentication replaced the user: put the client certificate's subject claim back for the handler.
            gateway.UseMiddleware<ClientCertificateClaimMiddleware>();
            // Request and idle timeouts wrap the backend call itself (504).
            gateway.UseMiddleware<TimeoutMiddleware>();
            // The handler of the route's kind: llm, mcp, a2a or http.
            gateway.Run(dispatcher.DispatchAsync);
        });
        return app;
    }
}
