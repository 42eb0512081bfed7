namespace AgentGateway.A2A;

/// <summary>DI registrations of the A2A feature.</summary>
public static class A2AServiceCollectionExtensions
{
    /// <summary>Adds the A2A backend handler, validators and services.</summary>
    public static IServiceCollection AddGatewayA2A(this IServiceCollection services) => services;
}
