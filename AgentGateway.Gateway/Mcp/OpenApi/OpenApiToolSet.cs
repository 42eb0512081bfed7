namespace AgentGateway.Mcp.OpenApi;

/// <summary>The tools of one OpenAPI target and where their requests go.</summary>
internal sealed record OpenApiToolSet(Uri BaseUrl, IReadOnlyList<OpenApiOperationTool> Tools, IReadOnlyDictionary<string, string> Headers);
