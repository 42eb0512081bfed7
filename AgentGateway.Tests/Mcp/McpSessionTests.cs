using AgentGateway.Mcp.Sessions;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using StackExchange.Redis;

namespace AgentGateway.Tests.Mcp;

/// <summary>Client sessions in the session store: bound to backend and principal, ended by DELETE, surviving a reload.</summary>
public sealed class McpSessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IMcpSessionStore MemoryStore(TestGateway gw) =>
        gw.Services.GetRequiredService<McpSessionStoreSelector>().Get("memory");

    [Fact]
    public async Task Initialize_StoresSessionWithBackendPrincipalAndInitializeParams()
    {
        await using var http = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", http.Url)), configure: TestUser.Install);
        await using var client = await McpTestClient.ConnectAsync(gw, headers: new Dictionary<string, string> { [TestUser.Header] = "alice" });
        await client.ListToolsAsync(cancellationToken: Ct);

        var record = await MemoryStore(gw).GetAsync(client.SessionId!, Ct);

        Assert.NotNull(record);
        Assert.Equal("tools", record.Backend);
        Assert.Equal("""["test","LOCAL AUTHORITY","alice"]""", record.Principal); // kind, issuer, id (GatewayClaims.SessionOwner)
        Assert.Contains("2025-11-25", record.InitializeParams, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_EndsSessionAndRemovesIt()
    {
        await using var http = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", http.Url)));
        var client = await McpTestClient.ConnectAsync(gw);
        await client.ListToolsAsync(cancellationToken: Ct);
        var sessionId = client.SessionId!;
        Assert.NotNull(await MemoryStore(gw).GetAsync(sessionId, Ct));

        await client.DisposeAsync(); // sends DELETE

        Assert.True(await McpTestClient.EventuallyAsync(async () => await MemoryStore(gw).GetAsync(sessionId, Ct) is null, TimeSpan.FromSeconds(5)));
        using var raw = gw.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/mcp", UriKind.Relative))
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":9,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Accept", "application/json, text/event-stream");
        request.Headers.Add("Mcp-Session-Id", sessionId);
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        using var response = await raw.SendAsync(request, Ct);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ConfigReload_SessionMigratesToRebuiltBackend()
    {
        await using var http = await TestMcpServer.StartAsync();
        var yaml = McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", http.Url));
        await using var gw = await TestGateway.StartAsync(yaml);
        await using var client = await McpTestClient.ConnectAsync(gw);
        await client.ListToolsAsync(cancellationToken: Ct);

        Assert.True(await gw.RewriteConfigAsync(yaml.Replace("prefix: conditional", "prefix: always", StringComparison.Ordinal), TimeSpan.FromSeconds(10)));

        var tools = (await client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();
        Assert.Contains("http_add", tools);
    }

    [Fact]
    public async Task RedisStore_SessionRecordLivesInRedisWithTtl()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var http = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(
            McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", http.Url), extra: "sessions: { store: redis, ttl: 10m }\n"),
            new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString });
        await using var client = await McpTestClient.ConnectAsync(gw);
        await client.ListToolsAsync(cancellationToken: Ct);

        await using var mux = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var key = "agentgateway:mcp:session:" + client.SessionId;
        var json = await mux.GetDatabase().StringGetAsync(key);
        var ttl = await mux.GetDatabase().KeyTimeToLiveAsync(key);

        Assert.Contains("\"Backend\":\"tools\"", json.ToString(), StringComparison.Ordinal);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }
}
