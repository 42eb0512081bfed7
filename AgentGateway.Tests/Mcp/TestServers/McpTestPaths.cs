namespace AgentGateway.Tests.Mcp.TestServers;

/// <summary>Where the npm-installed MCP servers live (npm packages restored by the test project's build).</summary>
public static class McpTestPaths
{
    public static string EverythingServer
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentGateway.sln")))
            {
                dir = dir.Parent;
            }

            var path = Path.Combine(dir?.FullName ?? ".", "AgentGateway.Tests", "Mcp", "js", "node_modules",
                "@modelcontextprotocol", "server-everything", "dist", "index.js");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"{path} is missing: build the test project with Node.js installed (it runs npm ci in AgentGateway.Tests/Mcp/js)");
        }
    }

    /// <summary>YAML of a stdio target running server-everything; its pid is written to <paramref name="pidFile"/> if given.</summary>
    public static string EverythingTarget(string name, string? pidFile = null) => pidFile is null
        ? $"      - name: {name}\n        stdio: {{ command: node, args: [\"{EverythingServer}\", stdio] }}\n"
        : $"      - name: {name}\n        stdio: {{ command: bash, args: [\"-c\", \"echo $$ > {pidFile}; exec node {EverythingServer} stdio\"] }}\n";
}
