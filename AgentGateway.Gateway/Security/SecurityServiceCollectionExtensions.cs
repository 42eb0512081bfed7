namespace AgentGateway.Security;

/// <summary>
/// DI registrations of authentication and authorization. Their middleware steps are placed in the pipeline by
/// <c>Hosting/GatewayApplicationExtensions.MapAgentGateway</c>.
/// </summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>Adds authentication, the authorizer and their validators.</summary>
    public static IServiceCollection AddGatewaySecurity(this IServiceCollection services)
    {
        services.AddSingleton<AgentGateway.Configuration.IConfigValidator, SecurityConfigValidator>();
        services.AddSingleton<JwksKeySource>();
        services.AddSingleton<Routing.IRuntimeCompiler, JwtClockSkewsCompiler>();
        services.AddSingleton<JwtAuthenticator>();
        services.AddSingleton<GatewayPublicUrl>();
        services.AddSingleton<RouteAuthenticator>();
        services.AddSingleton<CedarPolicyCache>();
        services.AddSingleton<AuthorizationErrorLog>();
        services.AddSingleton<IRequestAuthorizer, CedarRequestAuthorizer>();
        return services;
    }
}
