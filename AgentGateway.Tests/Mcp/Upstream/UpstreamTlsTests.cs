using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using AgentGateway.Tests.Traffic;

namespace AgentGateway.Tests.Mcp.Upstream;

/// <summary>MCP url targets honour the same <c>tls</c> block as http backends: a private CA and a client certificate.</summary>
public class UpstreamTlsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Target(string name, string url, string tls) =>
        $"      - name: {name}\n        url: {url}\n        transport: streamable-http\n" + (tls.Length > 0 ? $"        tls: {tls}\n" : "");

    private static async Task<IReadOnlyList<string>> ToolNamesAsync(TestGateway gw)
    {
        await using var client = await McpTestClient.ConnectAsync(gw);
        IReadOnlyList<string> names = [];
        await McpTestClient.EventuallyAsync(async () =>
        {
            names = [.. (await client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name)];
            return names.Any(n => n.StartsWith("trusted_", StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(10));
        return names;
    }

    [Fact]
    public async Task UrlTarget_WithPrivateCa_IsReachedOverTls_AndWithoutTheCaIsRefused()
    {
        using var certs = TestCertificates.Create();
        await using var upstream = await TestMcpServer.StartAsync(certificate: certs.IssueServer());
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(
            Target("trusted", upstream.Url, $"{{ caPath: \"{certs.CaPath}\" }}") + Target("untrusted", upstream.Url, "")));

        var names = await ToolNamesAsync(gw);

        Assert.Contains("trusted_add", names);
        Assert.DoesNotContain(names, n => n.StartsWith("untrusted_", StringComparison.Ordinal)); // the system roots do not know the CA
        await using var client = await McpTestClient.ConnectAsync(gw);
        var sum = await client.CallToolAsync("trusted_add", new Dictionary<string, object?> { ["a"] = 2, ["b"] = 3 }, cancellationToken: Ct);
        Assert.Equal(5, sum.StructuredContent!.Value.GetProperty("sum").GetInt32());
    }

    [Fact]
    public async Task UrlTarget_ClientCertificate_IsPresentedToAServerThatRequiresOne()
    {
        using var certs = TestCertificates.Create();
        await using var upstream = await TestMcpServer.StartAsync(certificate: certs.IssueServer(), requireClientCertificate: true);
        var (clientCert, clientKey) = certs.WritePem(certs.IssueClient("gateway"), "client");
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(
            Target("trusted", upstream.Url, $"{{ caPath: \"{certs.CaPath}\", clientCertificate: {{ path: \"{clientCert}\", keyPath: \"{clientKey}\" }} }}")
            + Target("anonymous", upstream.Url, $"{{ caPath: \"{certs.CaPath}\" }}")));

        var names = await ToolNamesAsync(gw);

        Assert.Contains("trusted_add", names);
        Assert.DoesNotContain(names, n => n.StartsWith("anonymous_", StringComparison.Ordinal));
    }
}
