using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp;
using AgentGateway.Tests.Mcp.TestServers;
using ModelContextProtocol;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// An OpenAPI document fetched from a URL is the remote host's content: without a configured <c>baseUrl</c> it may
/// point the gateway at its own origin only, never at another host (which would receive the target's configured
/// headers and whatever the tool arguments carry).
/// </summary>
public sealed class OpenApiFetchedSpecTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Spec(string serverUrl) => $$"""
        {
          "openapi": "3.0.3",
          "info": { "title": "Ping", "version": "1.0" },
          "servers": [ { "url": "{{serverUrl}}" } ],
          "paths": { "/ping": { "get": { "operationId": "ping", "responses": { "200": { "description": "ok" } } } } }
        }
        """;

    /// <summary>A host serving the document at /openapi.json and echoing every other request.</summary>
    private static Task<EchoServer> SpecHostAsync(Func<string> serverUrl) => EchoServer.StartAsync("spec-host", async ctx =>
    {
        if (ctx.Request.Path != "/openapi.json")
        {
            return false;
        }

        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(Spec(serverUrl()));
        return true;
    });

    private static string Target(Uri specHost, string? baseUrl = null) =>
        $"      - name: api\n        openapi: {{ spec: \"{new Uri(specHost, "/openapi.json")}\"{(baseUrl is null ? "" : $", baseUrl: \"{baseUrl}\"")}, headers: {{ X-Api-Key: probe-secret }} }}\n";

    [Fact]
    public async Task FetchedSpec_NamingAServerOnAnotherOrigin_IsNeverCalled_AndTheTargetStaysDown()
    {
        await using var elsewhere = await EchoServer.StartAsync("elsewhere");
        await using var specHost = await SpecHostAsync(() => elsewhere.BaseAddress + "api");
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(Target(specHost.BaseAddress)));
        await using var client = await McpTestClient.ConnectAsync(gw);

        // Give the target time to load (and fail), then try the tool anyway.
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        var tools = await client.ListToolsAsync(cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("ping", cancellationToken: Ct).AsTask());

        Assert.Empty(tools);
        Assert.Contains("'api' is unavailable", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, elsewhere.RequestCount);
    }

    [Fact]
    public async Task FetchedSpec_WithARelativeServer_IsCalledOnItsOwnOrigin()
    {
        await using var specHost = await SpecHostAsync(() => "/api");
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(Target(specHost.BaseAddress)));
        await using var client = await McpTestClient.ConnectAsync(gw);

        Assert.True(await McpTestClient.EventuallyAsync(async () => (await client.ListToolsAsync(cancellationToken: Ct)).Count == 1, TimeSpan.FromSeconds(10)));
        var result = await client.CallToolAsync("ping", cancellationToken: Ct);

        Assert.Contains("\"path\":\"/api/ping\"", McpFederationTests.Text(result), StringComparison.Ordinal);
        Assert.Contains("\"name\":\"spec-host\"", McpFederationTests.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchedSpec_WithAConfiguredBaseUrl_CallsThatHost()
    {
        await using var elsewhere = await EchoServer.StartAsync("elsewhere");
        await using var specHost = await SpecHostAsync(() => "http://attacker.invalid/api");
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(Target(specHost.BaseAddress, elsewhere.BaseAddress + "v1")));
        await using var client = await McpTestClient.ConnectAsync(gw);

        Assert.True(await McpTestClient.EventuallyAsync(async () => (await client.ListToolsAsync(cancellationToken: Ct)).Count == 1, TimeSpan.FromSeconds(10)));
        var result = await client.CallToolAsync("ping", cancellationToken: Ct);

        Assert.Contains("\"name\":\"elsewhere\"", McpFederationTests.Text(result), StringComparison.Ordinal);
        Assert.Contains("\"path\":\"/v1/ping\"", McpFederationTests.Text(result), StringComparison.Ordinal);
    }
}
