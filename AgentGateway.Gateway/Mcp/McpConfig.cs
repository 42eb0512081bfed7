namespace AgentGateway.Mcp;

/// <summary>An MCP backend: targets federated behind one endpoint (DESIGN.md §4 <c>mcp:</c>).</summary>
public sealed record McpBackendConfig
{
    /// <summary>conditional | always | never.</summary>
    public string Prefix { get; init; } = "conditional";

    /// <summary>Upstream MCP servers.</summary>
    public IReadOnlyList<McpTargetConfig> Targets { get; init; } = [];
}

/// <summary>One upstream MCP server: exactly one of stdio, url or openapi.</summary>
public sealed record McpTargetConfig
{
    /// <summary>Target name (the tool prefix).</summary>
    public string Name { get; init; } = "";

    /// <summary>Streamable HTTP or SSE URL.</summary>
    public string? Url { get; init; }
}
