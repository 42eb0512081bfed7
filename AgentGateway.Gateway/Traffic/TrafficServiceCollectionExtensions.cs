using AgentGateway.Configuration;

namespace AgentGateway.Traffic;

/// <summary>DI registrations and pipeline steps of the traffic policies (CORS, limits, timeouts, retries, headers, rate limits).</summary>
public static class TrafficServiceCollectionExtensions
{
    /// <summary>Adds the traffic-policy services and validators.</summary>
    public static IServiceCollection AddGatewayTraffic(this IServiceCollection services)
    {
        services.AddSingleton<IConfigValidator, TrafficConfigValidator>();
        services.AddSingleton<LocalRateLimitStore>();
        services.AddSingleton<RedisRateLimitStore>();
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<ITokenBudget, TokenBudget>();
        services.AddSingleton<BackendTlsInvokers>();
        services.AddHostedService<BackendTlsWarnings>();
        return services;
    }

    /// <summary>
    /// Steps that run right after the route matched, before authentication: who the client is (forwarded
    /// headers from trusted proxies only, the TLS client certificate), then CORS (preflights carry no credentials).
    /// </summary>
    public static IApplicationBuilder UseGatewayTrafficBeforeAuthentication(this IApplicationBuilder app)
    {
        app.UseMiddleware<ForwardedHeadersMiddleware>();
        app.UseMiddleware<CorsMiddleware>();
        return app;
    }

    /// <summary>
    /// Steps that run after authentication, just before the backend: concurrency limit, rate limits (they
    /// need the principal), header rules, then the timeouts that wrap the backend call itself.
    /// </summary>
    public static IApplicationBuilder UseGatewayTrafficPolicies(this IApplicationBuilder app)
    {
        app.UseMiddleware<ConcurrencyLimitMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseMiddleware<HeaderRulesMiddleware>();
        app.Use((context, next) =>
        {
            if (RouteTrafficPolicy.For(context).BackendTimeout is { } backend)
            {
                context.Features.Set(new BackendTimeoutFeature(backend));
            }

            // Authentication replaces HttpContext.User; keep the TLS client certificate's subject visible as a claim.
            ForwardedHeadersMiddleware.AddClientCertificateClaim(context);

            return next(context);
        });
        app.UseMiddleware<TimeoutMiddleware>();
        return app;
    }
}
