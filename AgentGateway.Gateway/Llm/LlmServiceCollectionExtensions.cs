using AgentGateway.Configuration;
using AgentGateway.Llm.Cache;
using AgentGateway.Llm.Pipeline;
using AgentGateway.Llm.Providers;
using AgentGateway.Llm.Runtime;
using AgentGateway.Routing;

namespace AgentGateway.Llm;

/// <summary>DI registrations of the Llm feature.</summary>
public static class LlmServiceCollectionExtensions
{
    /// <summary>Adds the Llm backend handler, validators and services.</summary>
    public static IServiceCollection AddGatewayLlm(this IServiceCollection services)
    {
        services.AddHttpClient();
        services.AddSingleton(sp => new ProviderHealth(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<LlmRuntimeCache>();
        services.AddSingleton<Cost.CostScope>();
        services.AddSingleton<ChatEndpoint>();
        services.AddSingleton<EmbeddingsEndpoint>();
        services.AddSingleton<CountTokensEndpoint>();
        services.AddSingleton<IBackendHandler, LlmBackendHandler>();
        services.AddSingleton<IBackendErrorWriter, LlmErrorWriter>();
        services.AddSingleton<IConfigValidator, LlmConfigValidator>();
        services.AddSingleton<IConfigValidator, LlmCacheConfigValidator>();
        services.AddSingleton<RedisResponseStore>();
        services.AddSingleton<IRuntimeCompiler, ResponseCachePoliciesCompiler>();
        return services;
    }
}
