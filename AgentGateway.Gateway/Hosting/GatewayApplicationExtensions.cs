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
    /// The steps of a matched route's own pipeline, in this order, each with whether a route uses it. A route's pipeline
    /// holds only the steps it uses (a route without CORS runs no CORS step), then the handler of its kind. A predicate
    /// reads the route's config only: a step whose skip depends on the request says true, and so does any doubt.
    /// </summary>
    internal static readonly RouteStep[] RouteSteps =
    [
        // Who the client is (forwarded headers from trusted proxies only, the client certificate), before CORS and
        // authentication look at the client address and certificate. Every route: it also strips the forwarded headers
        // of untrusted peers and tells the backend who the client is.
        RouteStep.Of<ForwardedHeadersMiddleware>(RouteStep.Always),
        // Preflights carry no credentials, so CORS answers them before authentication.
        RouteStep.Of<CorsMiddleware>(static (_, traffic) => traffic.Cors is not null),
        // Refuses oversize bodies (413) before anything reads the body, authentication included. Every route: the
        // global limit applies where the route sets none.
        RouteStep.Of<RequestBodyLimitMiddleware>(RouteStep.Always),
        // The route's authentication methods (401 with WWW-Authenticate).
        RouteStep.Of<AuthenticationMiddleware>(static (route, _) => AuthenticationMiddleware.HasAuthentication(route)),
        // Cedar on http routes as a whole (403); other kinds authorize each operation in their handler.
        RouteStep.Of<HttpRouteAuthorizationMiddleware>(static (route, _) => route.Kind == RouteKinds.Http),
        // Concurrency first (503 at once when full), so a request refused for overload uses no rate-limit budget.
        RouteStep.Of<ConcurrencyLimitMiddleware>(static (_, traffic) => traffic.MaxConcurrentRequests is not null),
        // Rate limits need the principal, so they run after authentication (429).
        RouteStep.Of<RateLimitMiddleware>(static (_, traffic) => traffic.RateLimits.Count > 0),
        // Header rules rewrite what the backend receives and what the client gets back.
        RouteStep.Of<HeaderRulesMiddleware>(static (_, traffic) => traffic.RequestHeaders is not null || traffic.ResponseHeaders is not null),
        // Hands the per-try backend timeout to the handler, which knows where a try starts (retries, failover).
        RouteStep.Of<BackendTimeoutMiddleware>(static (_, traffic) => traffic.BackendTimeout is not null),
        // Authentication replaced the user: put the client certificate's subject claim back for the handler. Without
        // authentication nothing replaced it (forwarded headers put the claim on the user the handler gets).
        RouteStep.Of<ClientCertificateClaimMiddleware>(static (route, _) => AuthenticationMiddleware.HasAuthentication(route)),
        // Request and idle timeouts wrap the backend call itself (504).
        RouteStep.Of<TimeoutMiddleware>(static (_, traffic) => traffic.HasTimeouts),
    ];

    /// <summary>
    /// Maps health, admin and the gateway pipeline. This is the one place that orders the gateway's steps, with
    /// <see cref="RouteSteps"/> above for what follows route matching; read them top to bottom for the path a request
    /// takes (docs/architecture.md, "The request path"). Requests that hit an endpoint (/health, /alive, admin) never
    /// reach routes.
    /// </summary>
    public static WebApplication MapAgentGateway(this WebApplication app)
    {
        var admin = app.Services.GetRequiredService<AdminListener>();
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
            // Then the matched route's own pipeline: the RouteSteps (above) that the route uses, compiled once per route and
            // config (Hosting/RoutePipelinesCompiler), pinned with the runtime, ending at the handler of the route's kind.
            gateway.Run(RoutePipelines.RunAsync);
        });
        return app;
    }
}
