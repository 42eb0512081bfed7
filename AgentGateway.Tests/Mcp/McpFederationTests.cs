using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Tests.Mcp;

/// <summary>
/// The gateway federating three real targets over all three transports (server-everything over stdio, a C# SDK
/// server over Streamable HTTP, another over legacy SSE), used through the gateway by the real C# SDK client.
/// </summary>
public sealed class McpFederationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestGateway Gateway, TestMcpServer Http, TestMcpServer Sse)> StartAsync()
    {
        var http = await TestMcpServer.StartAsync();
        var sse = await TestMcpServer.StartAsync(sse: true);
        var yaml = McpTestClient.GatewayYaml(
            McpTestPaths.EverythingTarget("everything")
            + McpTestClient.UrlTarget("http", http.Url)
            + McpTestClient.UrlTarget("legacy", sse.Url, "sse"));
        return (await TestGateway.StartAsync(yaml), http, sse);
    }

    [Fact]
    public async Task ToolsList_ThreeTransports_AllToolsPrefixedByTarget()
    {
        var (gw, http, sse) = await StartAsync();
        await using var _ = gw; await using var __ = http; await using var ___ = sse;
        await using var client = await McpTestClient.ConnectAsync(gw);

        var tools = (await client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();

        Assert.Contains("everything_echo", tools);
        Assert.Contains("http_add", tools);
        Assert.Contains("legacy_upper", tools);
        Assert.Equal(tools.Count, tools.Distinct().Count());
    }

    [Fact]
    public async Task CallTool_EachTransport_RoutedToItsTarget()
    {
        var (gw, http, sse) = await StartAsync();
        await using var _ = gw; await using var __ = http; await using var ___ = sse;
        await using var client = await McpTestClient.ConnectAsync(gw);

        var echo = await client.CallToolAsync("everything_echo", new Dictionary<string, object?> { ["message"] = "hi there" }, cancellationToken: Ct);
        var add = await client.CallToolAsync("http_add", new Dictionary<string, object?> { ["a"] = 2, ["b"] = 3 }, cancellationToken: Ct);
        var upper = await client.CallToolAsync("legacy_upper", new Dictionary<string, object?> { ["text"] = "abc" }, cancellationToken: Ct);

        Assert.Contains("hi there", Text(echo));
        Assert.Equal(5, add.StructuredContent!.Value.GetProperty("sum").GetInt32());
        Assert.Equal("ABC", Text(upper));
    }

    [Fact]
    public async Task ToolsList_PreservesAnnotationsAndOutputSchema()
    {
        var (gw, http, sse) = await StartAsync();
        await using var _ = gw; await using var __ = http; await using var ___ = sse;
        await using var client = await McpTestClient.ConnectAsync(gw);

        var add = (await client.ListToolsAsync(cancellationToken: Ct)).Single(t => t.Name == "http_add").ProtocolTool;

        Assert.True(add.Annotations?.ReadOnlyHint);
        Assert.NotNull(add.OutputSchema);
        Assert.Equal("Adds two numbers", add.Description);
    }

    [Fact]
    public async Task Prompts_ListedWithPrefix_AndGetRoutedToTarget()
    {
        var (gw, http, sse) = await StartAsync();
        await using var _ = gw; await using var __ = http; await using var ___ = sse;
        await using var client = await McpTestClient.ConnectAsync(gw);

        var prompts = (await client.ListPromptsAsync(cancellationToken: Ct)).Select(p => p.Name).ToList();
        var greet = await client.GetPromptAsync("http_greet", new Dictionary<string, object?> { ["name"] = "Ada" }, cancellationToken: Ct);

        Assert.Contains("http_greet", prompts);
        Assert.Contains("everything_simple-prompt", prompts);
        Assert.Contains("Ada", ((TextContentBlock)greet.Messages[0].Content).Text);
    }

    [Fact]
    public async Task Resources_UrisRewrittenReversibly()
    {
        var (gw, http, sse) = await StartAsync();
        await using var _ = gw; await using var __ = http; await using var ___ = sse;
        await using var client = await McpTestClient.ConnectAsync(gw);

        var resources = (await client.ListResourcesAsync(cancellationToken: Ct)).Select(r => r.Uri).ToList();
        var templates = (await client.ListResourceTemplatesAsync(cancellationToken: Ct)).Select(t => t.UriTemplate).ToList();
        var read = await client.ReadResourceAsync("http+note://readme", cancellationToken: Ct);

        Assert.Contains("http+note://readme", resources);
        Assert.Contains(resources, r => r.StartsWith("everything+demo://", StringComparison.Ordinal));
        Assert.Contains(templates, t => t.StartsWith("everything+demo://", StringComparison.Ordinal));
        var contents = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents));
        Assert.Equal("read me first", contents.Text);
        Assert.Equal("http+note://readme", contents.Uri);
    }

    [Fact]
    public async Task LegacySseEndpoint_ServesTheSameFederatedServer()
    {
        var (gw, http, sse) = await StartAsync();
        await using var _ = gw; await using var __ = http; await using var ___ = sse;
        await using var client = await McpTestClient.ConnectAsync(gw, "/mcp/sse", mode: HttpTransportMode.Sse);

        var tools = (await client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();
        var add = await client.CallToolAsync("http_add", new Dictionary<string, object?> { ["a"] = 20, ["b"] = 22 }, cancellationToken: Ct);

        Assert.Contains("legacy_upper", tools);
        Assert.Equal(42, add.StructuredContent!.Value.GetProperty("sum").GetInt32());
    }

    [Fact]
    public async Task SessionlessClient_2026_07_28_ListsAndCalls()
    {
        var (gw, http, sse) = await StartAsync();
        await using var _ = gw; await using var __ = http; await using var ___ = sse;
        await using var client = await McpTestClient.ConnectAsync(gw, options: new McpClientOptions { ProtocolVersion = "2026-07-28" });

        var tools = (await client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();
        var add = await client.CallToolAsync("http_add", new Dictionary<string, object?> { ["a"] = 1, ["b"] = 1 }, cancellationToken: Ct);

        Assert.Null(client.SessionId);
        Assert.Contains("everything_echo", tools);
        Assert.Equal(2, add.StructuredContent!.Value.GetProperty("sum").GetInt32());
    }

    [Fact]
    public async Task CallTool_UnknownTool_ReturnsJsonRpcError()
    {
        var (gw, http, sse) = await StartAsync();
        await using var _ = gw; await using var __ = http; await using var ___ = sse;
        await using var client = await McpTestClient.ConnectAsync(gw);

        var unknownTarget = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("nosuch_tool", cancellationToken: Ct).AsTask());
        var unknownTool = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("http_nosuch", cancellationToken: Ct).AsTask());

        Assert.Equal(McpErrorCode.InvalidParams, unknownTarget.ErrorCode);
        Assert.Contains("nosuch_tool", unknownTarget.Message, StringComparison.Ordinal);
        Assert.Contains("nosuch", unknownTool.Message, StringComparison.Ordinal);
    }

    internal static string Text(CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));

    internal static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value);

    internal static System.Text.Json.Nodes.JsonNode? Node(object value) => JsonSerializer.SerializeToNode(value);
}
