namespace AgentGateway.Tests.SecurityProbe;

/// <summary>Gateway YAML for the Cedar probes: one mcp route in front of one upstream, authorized by inline Cedar.</summary>
internal static class CedarProbeConfig
{
    public static string McpRoute(string upstreamUrl, string cedar, string route = "tools", string authentication = "") => $$"""
        routes: [{ name: {{route}}, path: /mcp, mcp: tools, policies: [guarded] }]
        mcp:
          tools:
            targets:
              - name: http
                url: {{upstreamUrl}}
        policies:
          guarded:
        {{authentication}}
            authorization:
              cedarText: |
        {{Indent(cedar, 8)}}
        """;

    public static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(l => new string(' ', spaces) + l.TrimEnd('\r')));
}
