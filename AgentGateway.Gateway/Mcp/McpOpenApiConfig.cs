namespace AgentGateway.Mcp;

/// <summary>A REST API described by an OpenAPI document, exposed as one tool per operation.</summary>
public sealed record McpOpenApiConfig
{
    /// <summary>A file path (relative to the config file) or an http(s) URL of the OpenAPI document.</summary>
    public string Spec { get; init; } = "";

    /// <summary>Overrides the document's first server URL.</summary>
    public string? BaseUrl { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
