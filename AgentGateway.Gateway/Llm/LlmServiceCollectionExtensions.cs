namespace AgentGateway.Llm;

/// <summary>DI registrations of the Llm feature.</summary>
public static class LlmServiceCollectionExtensions
{
    /// <summary>Adds the Llm backend handler, validators and services.</summary>
    public static IServiceCollection AddGatewayLlm(this IServiceCollection services) => services;
}
