namespace AgentGateway.Mcp.OpenApi;

/// <summary>An operation parameter: where it goes in the HTTP request.</summary>
internal sealed record OpenApiToolParameter(string Name, OpenApiParameterPlace Place, bool Required);
