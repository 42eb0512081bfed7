using AgentGateway.Configuration;
using AgentGateway.Routing;

namespace AgentGateway.Traffic;

/// <summary>
/// DI registrations of the traffic policies (CORS, limits, timeouts, retries, headers, rate limits). Their middleware
/// steps are placed in the pipeline by <c>Hosting/GatewayApplicationExtensions.MapAgentGateway</c>.
/// </summary>
public static class TrafficServiceCollectionExtensions
{
    /// <summary>Adds the traffic-policy services and validators.</summary>
    public static IServiceCollection AddGatewayTraffic(this IServiceCollection services)
    {
        services.AddSingleton<IConfigValidator, TrafficConfigValidator>();
        services.AddSingleton<IRuntimeCompiler, RouteTrafficPoliciesCompiler>();
        services.AddSingleton<LocalRateLimitStore>();
        services.AddSingleton<RedisRateLimitStore>();
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<RouteInFlightCounts>();
        services.AddSingleton<ITokenBudget, TokenBudget>();
        services.AddSingleton<ICostBudget, CostBudget>();
        services.AddSingleton<BackendTlsInvokers>();
        services.AddHostedService<BackendTlsWarnings>();
        return services;
    }
}
