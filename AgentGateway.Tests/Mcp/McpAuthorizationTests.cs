using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;

namespace AgentGateway.Tests.Mcp;

/// <summary>The IRequestAuthorizer hook: denied tools are absent from lists and calling them is a JSON-RPC error.</summary>
public sealed class McpAuthorizationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallTool_DeniedByPolicy_HiddenFromListAndCallReturnsError()
    {
        var authorizer = new DenyingAuthorizer("Tool", "http_secret");
        await using var http = await TestMcpServer.StartAsync();
        await using var sse = await TestMcpServer.StartAsync(sse: true);
        await using var gw = await TestGateway.StartAsync(
            McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", http.Url) + McpTestClient.UrlTarget("legacy", sse.Url, "sse")),
            configure: b => b.Services.AddSingleton<IRequestAuthorizer>(authorizer));
        await using var client = await McpTestClient.ConnectAsync(gw);

        var tools = (await client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("http_secret", cancellationToken: Ct).AsTask());
        var allowed = await client.CallToolAsync("http_add", new Dictionary<string, object?> { ["a"] = 1, ["b"] = 1 }, cancellationToken: Ct);

        Assert.DoesNotContain("http_secret", tools);
        Assert.Contains("http_add", tools);
        Assert.Contains("http_secret", error.Message, StringComparison.Ordinal);
        Assert.NotEqual(true, allowed.IsError);
        var seen = authorizer.Requests.First(r => r.ResourceId == "http_add" && r.Context is not null);
        Assert.Equal("call_tool", seen.Action);
        Assert.Equal("http", seen.ResourceAttributes["target"]);
        Assert.Equal("add", seen.ResourceAttributes["name"]);
    }

    private sealed class DenyingAuthorizer(string type, string id) : IRequestAuthorizer
    {
        public List<AuthorizationRequest> Requests { get; } = [];

        public ValueTask<AuthorizationResult> AuthorizeAsync(HttpContext http, AuthorizationRequest request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(request);
            }

            var denied = request.ResourceType == type && request.ResourceId == id;
            return ValueTask.FromResult(new AuthorizationResult(!denied, denied ? ["deny-secret"] : [], []));
        }
    }
}
