using AgentGateway.Configuration;
using AgentGateway.Mcp.Endpoint;
using AgentGateway.Mcp.Federation;
using AgentGateway.Mcp.OpenApi;
using AgentGateway.Mcp.Sessions;
using AgentGateway.Mcp.Upstream;
using AgentGateway.Routing;

namespace AgentGateway.Mcp;

/// <summary>DI registrations of the Mcp feature.</summary>
public static class McpServiceCollectionExtensions
{
    /// <summary>Adds the mcp backend handler (federated MCP servers), its config validator and session stores.</summary>
    public static IServiceCollection AddGatewayMcp(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<IConfigValidator, McpConfigValidator>();
        services.AddSingleton<OpenApiToolSetLoader>();
        services.AddSingleton<UpstreamTargetFactory>();
        services.AddSingleton<UpstreamSessionCloser>();
        services.AddSingleton<IBackendErrorWriter>(new JsonRpcErrorWriter(RouteKinds.Mcp));
        services.AddSingleton<McpAuthorization>();
        services.AddSingleton<McpSessionStoreSelector>();
        services.AddSingleton<Relay.McpRelay>();
        services.AddSingleton<McpRuntimeRegistry>();
        services.AddSingleton<IBackendHandler, McpBackendHandler>();
        return services;
    }
}
