namespace AgentGateway.Mcp;

/// <summary>One upstream MCP server; exactly one of <see cref="Stdio"/>, <see cref="Url"/> or <see cref="OpenApi"/> is set.</summary>
public sealed record McpTargetConfig
{
    public string Name { get; init; } = "";

    public McpStdioConfig? Stdio { get; init; }

    /// <summary>Streamable HTTP or legacy SSE endpoint of the server.</summary>
    public string? Url { get; init; }

    /// <summary><c>auto</c> (Streamable HTTP, falling back to SSE), <c>streamable-http</c> or <c>sse</c>.</summary>
    public string Transport { get; init; } = McpTransportKinds.Auto;

    /// <summary>Headers sent to <see cref="Url"/> (upstream credentials live here, never the client's token).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>TLS towards <see cref="Url"/>: private CA, client certificate (mTLS), name to verify.</summary>
    public Traffic.BackendTlsConfig? Tls { get; init; }

    /// <summary>A REST API described by an OpenAPI document, served as tools (key <c>openapi:</c>).</summary>
    [Configuration.ConfigKey("openapi")]
    public McpOpenApiConfig? OpenApi { get; init; }
}
