namespace AgentGateway.Security;

/// <summary>DI registrations and pipeline steps of authentication and authorization.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>Adds authentication, the authorizer and their validators.</summary>
    public static IServiceCollection AddGatewaySecurity(this IServiceCollection services)
    {
        services.AddSingleton<AgentGateway.Configuration.IConfigValidator, SecurityConfigValidator>();
        services.AddSingleton<JwksKeySource>();
        services.AddSingleton<JwtAuthenticator>();
        services.AddSingleton<RouteAuthenticator>();
        services.AddSingleton<IRequestAuthorizer, NoPolicyAuthorizer>();
        return services;
    }

    /// <summary>Discovery documents that live outside any route (RFC 9728 protected-resource metadata).</summary>
    public static IApplicationBuilder UseGatewaySecurityDiscovery(this IApplicationBuilder app) =>
        app.UseMiddleware<ProtectedResourceMetadata>();

    /// <summary>Authenticates the request per the route's policies (401 on bad or missing credentials).</summary>
    public static IApplicationBuilder UseGatewaySecurity(this IApplicationBuilder app) =>
        app.UseMiddleware<AuthenticationMiddleware>();
}
