using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Tests.Mcp.Federation;

/// <summary>
/// Federated lists come from each target's cached list: the upstream (a real C# SDK server that counts the
/// tools/list requests it answers) is asked once, again only after its list_changed, a reconnect or the TTL; Cedar
/// still filters per caller; a target that is down drops out while the others are served.
/// </summary>
public sealed class FederatedListCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<string>> ToolNamesAsync(McpClient client) =>
        [.. (await client.ListToolsAsync(cancellationToken: Ct)).Select(static t => t.Name)];

    [Fact]
    public async Task ToolsList_AskedTwice_SecondServedFromCache_UpstreamListedOnce()
    {
        await using var upstream = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", upstream.Url)));
        await using var client = await McpTestClient.ConnectAsync(gw);
        await using var other = await McpTestClient.ConnectAsync(gw);

        var first = await ToolNamesAsync(client);
        var second = await ToolNamesAsync(client);
        var otherSession = await ToolNamesAsync(other);

        Assert.Contains("add", first);
        Assert.Equal(first, second);
        Assert.Equal(first, otherSession);
        Assert.Equal(1, upstream.State.ToolListCalls);
    }

    [Fact]
    public async Task UpstreamListChanged_RefreshesTheCache_BeforeTheClientIsNotified()
    {
        await using var upstream = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", upstream.Url)));
        await using var client = await McpTestClient.ConnectAsync(gw);
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
        {
            heard.TrySetResult();
            return default;
        });
        var before = await ToolNamesAsync(client);
        await ToolNamesAsync(client);
        var listedBefore = upstream.State.ToolListCalls;

        await client.CallToolAsync("grow_tools", cancellationToken: Ct);
        await heard.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        var after = await ToolNamesAsync(client); // the first list after the notification already has the new tool

        Assert.Equal(1, listedBefore);
        Assert.DoesNotContain("grown", before);
        Assert.Contains("grown", after);
        Assert.Equal(2, upstream.State.ToolListCalls);
    }

    [Fact]
    public async Task ListCacheTtl_Elapsed_ListFetchedAgain()
    {
        var clock = new ManualClock();
        await using var upstream = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(
            McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", upstream.Url)).Replace("prefix: conditional", "prefix: conditional\n    listCacheTtl: 1m", StringComparison.Ordinal),
            configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        await using var client = await McpTestClient.ConnectAsync(gw);

        await ToolNamesAsync(client);
        clock.Advance(TimeSpan.FromSeconds(50));
        await ToolNamesAsync(client);
        var withinTtl = upstream.State.ToolListCalls;
        clock.Advance(TimeSpan.FromSeconds(20));
        await ToolNamesAsync(client);

        Assert.Equal(1, withinTtl);
        Assert.Equal(2, upstream.State.ToolListCalls);
    }

    [Fact]
    public async Task CachedList_FilteredByCedarPerCaller()
    {
        await using var upstream = await TestMcpServer.StartAsync();
        var yaml = McpTestClient.AliceAndBobYaml(upstream.Url);
        await using var gw = await TestGateway.StartAsync(yaml);
        await using var alice = await McpTestClient.ConnectAsync(gw, headers: new Dictionary<string, string> { ["x-api-key"] = "alice-key" });
        await using var bob = await McpTestClient.ConnectAsync(gw, headers: new Dictionary<string, string> { ["x-api-key"] = "bob-key" });

        var forAlice = await ToolNamesAsync(alice);
        var forBob = await ToolNamesAsync(bob);
        var forAliceAgain = await ToolNamesAsync(alice);

        Assert.Contains("secret", forAlice);
        Assert.Contains("add", forBob);
        Assert.DoesNotContain("secret", forBob);
        Assert.Equal(forAlice, forAliceAgain);
        Assert.Equal(1, upstream.State.ToolListCalls); // one cached list, filtered per caller
    }

    [Fact]
    public async Task TargetDown_ItsEntriesMissing_OthersServedFromCache()
    {
        await using var first = await TestMcpServer.StartAsync();
        await using var second = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(
            McpTestClient.UrlTarget("one", first.Url) + McpTestClient.UrlTarget("two", second.Url)));
        await using var client = await McpTestClient.ConnectAsync(gw);
        var both = await ToolNamesAsync(client);

        await first.StopAsync();
        var down = await McpTestClient.EventuallyAsync(async () => !(await ToolNamesAsync(client)).Contains("one_add"), TimeSpan.FromSeconds(30));
        var remaining = await ToolNamesAsync(client);

        Assert.Contains("one_add", both);
        Assert.True(down, "the stopped target's tools are still listed");
        Assert.Contains("two_add", remaining);
        Assert.Equal(1, second.State.ToolListCalls);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
