namespace AgentGateway.Mcp.OpenApi;

internal enum OpenApiParameterPlace
{
    Path,
    Query,
    Header,
}
