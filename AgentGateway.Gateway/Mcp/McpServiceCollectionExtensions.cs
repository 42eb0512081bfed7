namespace AgentGateway.Mcp;

/// <summary>DI registrations of the Mcp feature.</summary>
public static class McpServiceCollectionExtensions
{
    /// <summary>Adds the Mcp backend handler, validators and services.</summary>
    public static IServiceCollection AddGatewayMcp(this IServiceCollection services) => services;
}
