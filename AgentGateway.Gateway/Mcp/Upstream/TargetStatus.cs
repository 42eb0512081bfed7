namespace AgentGateway.Mcp.Upstream;

/// <summary>What the admin API shows of one target connection: whether it is up and what it negotiated.</summary>
/// <param name="Kind">stdio, http (Streamable HTTP or SSE, as configured in <paramref name="Transport"/>) or openapi.</param>
/// <param name="ProtocolVersion">The MCP revision the target answered in <c>initialize</c> (null while down, and for OpenAPI).</param>
internal sealed record TargetStatus(string Name, string Kind, string? Transport, bool Connected, string? ProtocolVersion, string? ServerName, string? ServerVersion)
{
    public static TargetStatus Of(McpTargetConfig config, IUpstreamTarget? current) => new(
        config.Name,
        config.Stdio is not null ? "stdio" : config.OpenApi is not null ? "openapi" : "http",
        config.Url is not null ? config.Transport : null,
        current is not null,
        current?.ProtocolVersion,
        current?.ServerInfo?.Name,
        current?.ServerInfo?.Version);
}
