using AgentGateway.Tests.Infrastructure;
using ModelContextProtocol.Client;

namespace AgentGateway.Tests.Mcp.TestServers;

/// <summary>Connects the real C# SDK client to a gateway route.</summary>
public static class McpTestClient
{
    public static async Task<McpClient> ConnectAsync(TestGateway gateway, string path = "/mcp", McpClientOptions? options = null,
        HttpTransportMode mode = HttpTransportMode.StreamableHttp, IDictionary<string, string>? headers = null)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(gateway.BaseAddress, path),
            TransportMode = mode,
            AdditionalHeaders = headers,
        });
        // Session-based (2025-11-25) unless a test asks otherwise: sampling, elicitation and roots need a session.
        options ??= new McpClientOptions { ProtocolVersion = "2025-11-25" };
        return await McpClient.CreateAsync(transport, options, cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>Gateway YAML with one mcp route <c>/mcp</c> → backend <c>tools</c> with these targets.</summary>
    public static string GatewayYaml(string targetsYaml, string prefix = "conditional", string extra = "") => $"""
        routes:
          - name: tools
            path: /mcp
            mcp: tools
        mcp:
          tools:
            prefix: {prefix}
            targets:
        {targetsYaml}
        {extra}
        """;

    /// <summary>
    /// One <c>http</c> target behind a route whose callers are api keys <c>alice-key</c> and <c>bob-key</c>; Cedar
    /// forbids bob the tool <c>secret</c>.
    /// </summary>
    public static string AliceAndBobYaml(string upstreamUrl) =>
        GatewayYaml(UrlTarget("http", upstreamUrl)).Replace("mcp: tools\n", "mcp: tools\n    policies: [guarded]\n", StringComparison.Ordinal) + $$"""

            policies:
              guarded:
                authentication:
                  apiKeys: [{ name: alice, keyHash: "{{AgentGateway.Security.SecretHash.Sha256("alice-key")}}" }, { name: bob, keyHash: "{{AgentGateway.Security.SecretHash.Sha256("bob-key")}}" }]
                authorization:
                  cedarText: |
                    permit(principal, action, resource);
                    forbid(principal == ApiKey::"bob", action == Action::"call_tool", resource == Tool::"secret");
            """;

    public static string UrlTarget(string name, string url, string transport = "auto") =>
        $"      - name: {name}\n        url: {url}\n        transport: {transport}\n";

    /// <summary>Polls until <paramref name="condition"/> holds (targets reconnecting in the background).</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is ModelContextProtocol.McpException or HttpRequestException)
            {
                // not yet
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        return false;
    }
}
