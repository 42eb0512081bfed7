using AgentGateway.Configuration;
using AgentGateway.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentGateway.A2A;

/// <summary>DI registrations of the A2A feature.</summary>
public static class A2AServiceCollectionExtensions
{
    /// <summary>Adds the A2A backend handler, validators and services.</summary>
    public static IServiceCollection AddGatewayA2A(this IServiceCollection services)
    {
        services.AddSingleton<IConfigValidator, A2AConfigValidator>();
        services.AddSingleton<IRuntimeCompiler, A2ACardTtlsCompiler>();
        services.AddSingleton<IBackendHandler, A2ABackendHandler>();
        services.AddSingleton<IBackendErrorWriter>(new JsonRpcErrorWriter(RouteKinds.A2A));
        services.AddSingleton<A2AUpstream>();
        services.AddSingleton<A2ACardService>();
        services.AddSingleton<A2AJsonRpcProxy>();
        services.AddSingleton<A2ARestProxy>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
