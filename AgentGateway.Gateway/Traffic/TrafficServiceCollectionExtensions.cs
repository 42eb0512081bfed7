namespace AgentGateway.Traffic;

/// <summary>DI registrations and pipeline steps of the traffic policies (CORS, limits, timeouts, retries, headers, rate limits).</summary>
public static class TrafficServiceCollectionExtensions
{
    /// <summary>Adds the traffic-policy services and validators.</summary>
    public static IServiceCollection AddGatewayTraffic(this IServiceCollection services) => services;

    /// <summary>Steps that run right after the route matched, before authentication (CORS preflights need no credentials).</summary>
    public static IApplicationBuilder UseGatewayTrafficBeforeAuthentication(this IApplicationBuilder app) => app;

    /// <summary>Steps that run after authentication, just before the backend (rate limits, concurrency, timeouts, header rules).</summary>
    public static IApplicationBuilder UseGatewayTrafficPolicies(this IApplicationBuilder app) => app;
}
