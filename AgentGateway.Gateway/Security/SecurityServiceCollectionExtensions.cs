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
        services.AddSingleton<GatewayPublicUrl>();
        services.AddSingleton<RouteAuthenticator>();
        services.AddSingleton<CedarPolicyCache>();
        services.AddSingleton<AuthorizationErrorLog>();
        services.AddSingleton<IRequestAuthorizer, CedarRequestAuthorizer>();
        return services;
    }

    /// <summary>Discovery documents that live outside any route (RFC 9728 protected-resource metadata).</summary>
    public static IApplicationBuilder UseGatewaySecurityDiscovery(this IApplicationBuilder app) =>
        app.UseMiddleware<ProtectedResourceMetadata>();

    /// <summary>Authenticates per the route's policies (401), then authorizes http routes as a whole (403).</summary>
    public static IApplicationBuilder UseGatewaySecurity(this IApplicationBuilder app) =>
        app.UseMiddleware<AuthenticationMiddleware>().UseMiddleware<HttpRouteAuthorizationMiddleware>();
}
