using ModelContextProtocol.Client;

namespace AgentGateway.Mcp.Upstream;

/// <summary>
/// The environment a stdio target's process starts with: not the gateway's (which holds provider keys, the Redis
/// password and every other secret of the gateway), only what a process needs to start — HOME, LOGNAME, PATH,
/// SHELL, TERM and USER on Unix (the SDK's list, the same as the MCP TypeScript SDK's default; the Windows list on
/// Windows) — plus exactly what the target's <c>env</c> names. A server that needs more gets it through
/// <c>env</c>, e.g. <c>env: { DOTNET_ROOT: "${DOTNET_ROOT}" }</c>.
/// </summary>
internal static class StdioEnvironment
{
    public static Dictionary<string, string?> For(McpStdioConfig stdio)
    {
        var environment = StdioClientTransportOptions.GetDefaultEnvironmentVariables();
        foreach (var (name, value) in stdio.Env)
        {
            environment[name] = value;
        }

        return environment;
    }
}
