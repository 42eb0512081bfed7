namespace AgentGateway.Mcp;

/// <summary>A local MCP server started as a child process speaking JSON-RPC over stdin/stdout.</summary>
public sealed record McpStdioConfig
{
    public string Command { get; init; } = "";

    public IReadOnlyList<string> Args { get; init; } = [];

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>Relative paths resolve against the config file's directory.</summary>
    public string? WorkingDirectory { get; init; }
}
