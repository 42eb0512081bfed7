using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// MCP sessions belong to a principal — authentication kind, issuer and id — whatever the method: API keys and basic
/// users open sessions too, and neither a same-named principal of another kind nor the same <c>sub</c> from another
/// issuer can use them, on this replica or another.
/// </summary>
public sealed class McpSessionOwnerTests
{
    private const string ToolsList = """{"jsonrpc":"2.0","id":7,"method":"tools/list"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private static string KeyAndBasicConfig(string upstreamUrl) => McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", upstreamUrl)).Replace(
        "mcp: tools\n", "mcp: tools\n    policies: [auth]\n", StringComparison.Ordinal) + $$"""

        policies:
          auth:
            authentication:
              apiKeys: [{ name: alice, keyHash: "{{SecretHash.Sha256("alice-key")}}" }, { name: bob, keyHash: "{{SecretHash.Sha256("bob-key")}}" }]
              basic: { users: [{ name: alice, passwordHash: "{{SecretHash.Sha256("pw")}}" }] }
        """;

    private static HttpClient Client(TestGateway gw, string authorization)
    {
        var client = gw.CreateClient();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);
        return client;
    }

    [Theory]
    [InlineData("x-api-key", "alice-key")]
    [InlineData("Authorization", "Bearer alice-key")]
    [InlineData("Authorization", "Basic YWxpY2U6cHc=")] // alice:pw
    public async Task ApiKeyAndBasicUsers_OpenMcpSessions_AndCallTools(string header, string value)
    {
        await using var upstream = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(KeyAndBasicConfig(upstream.Url));
        await using var client = await McpTestClient.ConnectAsync(gw, headers: new Dictionary<string, string> { [header] = value });

        var tools = await client.ListToolsAsync(cancellationToken: Ct);
        var sum = await client.CallToolAsync("add", new Dictionary<string, object?> { ["a"] = 2, ["b"] = 3 }, cancellationToken: Ct);

        Assert.NotNull(client.SessionId);
        Assert.Contains(tools, t => t.Name == "add");
        Assert.NotEqual(true, sum.IsError);
    }

    [Fact]
    public async Task Session_OfAnApiKey_IsRefusedToABasicUserOfTheSameName_AndToAnotherKey()
    {
        await using var upstream = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(KeyAndBasicConfig(upstream.Url));
        using var owner = Client(gw, "Bearer alice-key");
        var session = await McpSessionRaw.OpenAsync(owner);

        using var basicAlice = Client(gw, Basic("alice", "pw"));
        using var bob = Client(gw, "Bearer bob-key");
        using var asBasicAlice = await McpSessionRaw.SendAsync(basicAlice, "/mcp", session.SessionId, ToolsList);
        using var asBob = await McpSessionRaw.SendAsync(bob, "/mcp", session.SessionId, ToolsList);
        var asOwner = await session.RequestAsync(ToolsList);

        Assert.Equal(HttpStatusCode.Forbidden, asBasicAlice.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asBob.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asOwner.Status);
    }

    [Fact]
    public async Task Session_MovedToAnotherReplica_IsRefusedToTheSameSubFromAnotherIssuer()
    {
        const string OtherIssuer = "https://other-idp.test";
        await using var redis = await RedisServer.StartAsync();
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var otherIdp = await TestJwtIssuer.StartAsync();
        await using var upstream = await TestMcpServer.StartAsync();
        var yaml = McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", upstream.Url), extra: "sessions: { store: redis, ttl: 10m }\n").Replace(
            "mcp: tools\n", "mcp: tools\n    policies: [idp, other]\n", StringComparison.Ordinal) + $$"""

            policies:
              idp:
                authentication:
                  jwt: { issuer: "{{TestJwtIssuer.Issuer}}", audiences: [agentgateway], jwks: { url: "{{idp.JwksUrl}}" } }
              other:
                authentication:
                  jwt: { issuer: "{{OtherIssuer}}", audiences: [agentgateway], jwks: { url: "{{otherIdp.JwksUrl}}" } }
            """;
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString };
        await using var replica1 = await TestGateway.StartAsync(yaml, settings);
        await using var replica2 = await TestGateway.StartAsync(yaml, settings);
        using var alice = Client(replica1, "Bearer " + idp.CreateToken("alice"));
        var session = await McpSessionRaw.OpenAsync(alice);

        using var impostor = Client(replica2, "Bearer " + otherIdp.CreateToken("alice", issuer: OtherIssuer));
        using var aliceElsewhere = Client(replica2, "Bearer " + idp.CreateToken("alice"));
        using var byImpostor = await McpSessionRaw.SendAsync(impostor, "/mcp", session.SessionId, ToolsList);
        using var byAlice = await McpSessionRaw.SendAsync(aliceElsewhere, "/mcp", session.SessionId, ToolsList);

        Assert.Equal(HttpStatusCode.Forbidden, byImpostor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAlice.StatusCode); // the owner still moves freely between replicas
        Assert.True(McpSessionRaw.IsResult(await McpSessionRaw.ReadMessageAsync(byAlice)));
    }
}
