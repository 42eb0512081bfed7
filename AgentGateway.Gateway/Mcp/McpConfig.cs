namespace AgentGateway.Mcp;

/// <summary>
/// One federated MCP server (<c>mcp.&lt;name&gt;</c> in the config file): its targets and how their names are exposed.
/// </summary>
public sealed record McpBackendConfig
{
    /// <summary><c>conditional</c> (prefix only when there is more than one target), <c>always</c> or <c>never</c>.</summary>
    public string Prefix { get; init; } = McpPrefixModes.Conditional;

    public IReadOnlyList<McpTargetConfig> Targets { get; init; } = [];

    /// <summary>Browser origins allowed besides localhost ones (DNS-rebinding protection).</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>
    /// How long a target's cached lists (tools, prompts, resources, templates) are served before they are fetched
    /// again; a target's <c>list_changed</c> notification or reconnect refreshes them sooner. A duration such as <c>5m</c>.
    /// </summary>
    public string ListCacheTtl { get; init; } = "5m";
}
