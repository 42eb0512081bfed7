using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;

namespace AgentGateway.Tests.Mcp;

/// <summary>The prefix modes: names stay unique; under never a collision keeps the first target's entry.</summary>
public sealed class McpPrefixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PrefixNever_CollidingToolNames_FirstTargetWinsAndCallsRouteToIt()
    {
        await using var first = await TestMcpServer.StartAsync();
        await using var second = await TestMcpServer.StartAsync();
        await using var sse = await TestMcpServer.StartAsync(sse: true);
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(
            McpTestClient.UrlTarget("first", first.Url) + McpTestClient.UrlTarget("second", second.Url) + McpTestClient.UrlTarget("legacy", sse.Url, "sse"),
            prefix: "never"));
        await using var client = await McpTestClient.ConnectAsync(gw);

        var tools = (await client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();
        await client.CallToolAsync("trace", cancellationToken: Ct);

        Assert.Single(tools, "add");
        Assert.Contains("upper", tools);
        Assert.Equal(tools.Count, tools.Distinct().Count());
        Assert.NotNull(first.State.LastTraceparent);
        Assert.Null(second.State.LastTraceparent);
    }

    [Fact]
    public async Task PrefixAlways_SingleTarget_StillPrefixed()
    {
        await using var http = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", http.Url), prefix: "always"));
        await using var client = await McpTestClient.ConnectAsync(gw);

        var tools = (await client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();

        Assert.Contains("http_add", tools);
        Assert.DoesNotContain("add", tools);
    }

    [Fact]
    public async Task Capabilities_UnionOfTargets_ToolsOnlyTargetHasNoPrompts()
    {
        await using var sse = await TestMcpServer.StartAsync(sse: true);
        await using var http = await TestMcpServer.StartAsync();
        await using var toolsOnly = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("legacy", sse.Url, "sse")));
        await using var mixed = await TestGateway.StartAsync(McpTestClient.GatewayYaml(
            McpTestClient.UrlTarget("legacy", sse.Url, "sse") + McpTestClient.UrlTarget("http", http.Url)));
        // Capabilities are known once every target has connected; a first listing waits for that.
        await using (var warmUp = await McpTestClient.ConnectAsync(toolsOnly))
        {
            await warmUp.ListToolsAsync(cancellationToken: Ct);
        }

        await using (var warmUp = await McpTestClient.ConnectAsync(mixed))
        {
            await warmUp.ListToolsAsync(cancellationToken: Ct);
        }

        await using var toolsOnlyClient = await McpTestClient.ConnectAsync(toolsOnly);
        await using var mixedClient = await McpTestClient.ConnectAsync(mixed);

        Assert.NotNull(toolsOnlyClient.ServerCapabilities.Tools);
        Assert.Null(toolsOnlyClient.ServerCapabilities.Prompts);
        Assert.Null(toolsOnlyClient.ServerCapabilities.Resources);
        Assert.NotNull(mixedClient.ServerCapabilities.Prompts);
        Assert.NotNull(mixedClient.ServerCapabilities.Resources);
    }
}
