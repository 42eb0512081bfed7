using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp;
using AgentGateway.Tests.Mcp.TestServers;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// A stdio MCP server does not inherit the gateway's environment (provider keys, the Redis password): it gets HOME,
/// LOGNAME, PATH, SHELL, TERM and USER plus exactly what its config's <c>env</c> names. server-everything's
/// <c>get-env</c> tool returns its whole environment to any client, so it shows what a server could leak.
/// </summary>
public sealed class McpStdioEnvironmentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly HashSet<string> Minimal = ["HOME", "LOGNAME", "PATH", "SHELL", "TERM", "USER"];

    [Fact]
    public async Task StdioTarget_GetsTheMinimalEnvironmentAndItsConfiguredEnv_NotTheGatewaysSecrets()
    {
        var id = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var secret = $"AGW_PROBE_SECRET_{id}";
        var passed = $"AGW_PROBE_PASSED_{id}";
        // The gateway runs in this process: its environment is this process's.
        Environment.SetEnvironmentVariable(secret, "sk-probe-not-for-children");
        Environment.SetEnvironmentVariable(passed, "handed-over-on-purpose");
        try
        {
            var target = $"      - name: everything\n        stdio: {{ command: node, args: [\"{McpTestPaths.EverythingServer}\", stdio], "
                + $"env: {{ GIVEN_TO_TARGET: configured, FROM_GATEWAY: \"${{{passed}}}\" }} }}\n";
            await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(target));
            await using var client = await McpTestClient.ConnectAsync(gw);

            var text = McpFederationTests.Text(await client.CallToolAsync("get-env", cancellationToken: Ct));
            var environment = JsonSerializer.Deserialize<Dictionary<string, string>>(text)!;

            Assert.DoesNotContain(secret, environment.Keys);
            Assert.DoesNotContain("sk-probe-not-for-children", text, StringComparison.Ordinal);
            Assert.Equal("configured", environment["GIVEN_TO_TARGET"]);
            Assert.Equal("handed-over-on-purpose", environment["FROM_GATEWAY"]);
            Assert.Contains("PATH", environment.Keys);
            Assert.All(environment.Keys, name => Assert.True(Minimal.Contains(name) || name is "GIVEN_TO_TARGET" or "FROM_GATEWAY", $"unexpected variable {name}"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(secret, null);
            Environment.SetEnvironmentVariable(passed, null);
        }
    }
}
