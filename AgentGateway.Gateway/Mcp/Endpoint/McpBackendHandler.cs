using AgentGateway.Routing;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>The <c>mcp</c> route kind: hands the request to the runtime of the route's mcp backend.</summary>
internal sealed class McpBackendHandler(McpRuntimeRegistry registry) : IBackendHandler
{
    public string Kind => RouteKinds.Mcp;

    public async Task HandleAsync(HttpContext context, GatewayRoute route)
    {
        var runtime = await registry.GetAsync(route.Backend, route.Snapshot);
        await runtime.HandleAsync(context);
    }
}
