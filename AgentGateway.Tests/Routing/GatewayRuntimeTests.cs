using AgentGateway.Configuration;
using AgentGateway.Http;
using AgentGateway.Llm.Runtime;
using AgentGateway.Mcp.Endpoint;
using AgentGateway.Routing;
using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using AgentGateway.Traffic;
using Microsoft.AspNetCore.Http;

namespace AgentGateway.Tests.Routing;

public class GatewayRuntimeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Yaml(string mcpUrl, string echoPath) => $$"""
        routes:
          - { name: a, path: /mcp, mcp: tools }
          - { name: b, path: {{echoPath}}, http: echo, policies: [slow] }
          - { name: m, path: /v1, llm: models }
        mcp:
          tools:
            targets:
              - { name: http, url: "{{mcpUrl}}" }
        http:
          echo: { destinations: ["http://127.0.0.1:9"], reactivationPeriod: 45s }
        llm:
          models:
            providers:
              - { name: local, type: openai, baseUrl: "http://127.0.0.1:9/v1", apiKey: k, models: [m1], timeout: 7s }
        policies:
          slow:
            timeouts: { request: 2m, backend: 1500ms }
            retries: { attempts: 3, backoff: 250ms }
            authentication: { jwt: { issuer: https://issuer.test, jwks: { url: "https://issuer.test/jwks" }, clockSkew: 12s } }
        """;

    [Fact]
    public async Task Reload_ThatChangesOnlyRouteB_KeepsRouteAsCompiledMcpAndLlmRuntimes()
    {
        await using var server = await TestMcpServer.StartAsync();
        var yaml = Yaml(server.Url, "/echo");
        await using var gw = await TestGateway.StartAsync(yaml);
        await using var client = await McpTestClient.ConnectAsync(gw);
        await client.ListToolsAsync(cancellationToken: Ct);
        var registry = gw.Services.GetRequiredService<McpRuntimeRegistry>();
        var llm = gw.Services.GetRequiredService<LlmRuntimeCache>();
        var config = gw.Services.GetRequiredService<IGatewayConfigProvider>();
        var mcpBefore = registry.Running()["tools"];
        var llmBefore = llm.Get("models", config.Current.Llm["models"]);

        Assert.True(await gw.RewriteConfigAsync(Yaml(server.Url, "/echo2"), TimeSpan.FromSeconds(10)));
        await client.ListToolsAsync(cancellationToken: Ct);

        Assert.Same(mcpBefore, registry.Running()["tools"]);
        Assert.Same(llmBefore, llm.Get("models", config.Current.Llm["models"]));
    }

    [Fact]
    public async Task Reload_ThatChangesTheMcpBackend_RebuildsItsRuntime()
    {
        await using var server = await TestMcpServer.StartAsync();
        var yaml = Yaml(server.Url, "/echo");
        await using var gw = await TestGateway.StartAsync(yaml);
        await using var client = await McpTestClient.ConnectAsync(gw);
        await client.ListToolsAsync(cancellationToken: Ct);
        var registry = gw.Services.GetRequiredService<McpRuntimeRegistry>();
        var before = registry.Running()["tools"];

        Assert.True(await gw.RewriteConfigAsync(yaml.Replace("targets:", "prefix: always\n    targets:", StringComparison.Ordinal), TimeSpan.FromSeconds(10)));
        await client.ListToolsAsync(cancellationToken: Ct);

        Assert.NotSame(before, registry.Running()["tools"]);
    }

    [Fact]
    public async Task Runtime_HoldsTheConfigsDurationsAsTimeSpans()
    {
        await using var gw = await TestGateway.StartAsync(Yaml("http://127.0.0.1:9/mcp", "/echo"));

        var runtime = gw.Services.GetRequiredService<GatewayRuntimeProvider>().Current;

        Assert.Equal(TimeSpan.FromSeconds(45), runtime.Part<HttpBackends>()!["echo"].ReactivationPeriod);
        var traffic = runtime.Part<RouteTrafficPolicies>()!.For("b");
        Assert.Equal(TimeSpan.FromMinutes(2), traffic.RequestTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), traffic.BackendTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(250), traffic.RetryBackoff);
        Assert.Same(RouteTrafficPolicy.Empty, runtime.Part<RouteTrafficPolicies>()!.For("a"));
        var jwt = runtime.Config.Policies["slow"].Authentication!.Jwt!;
        Assert.Equal(TimeSpan.FromSeconds(12), runtime.Part<JwtClockSkews>()!.For(jwt));
    }

    [Fact]
    public async Task Runtime_IsCompiledOncePerConfig_AndAnInvalidReloadKeepsTheOldOne()
    {
        var yaml = Yaml("http://127.0.0.1:9/mcp", "/echo");
        await using var gw = await TestGateway.StartAsync(yaml);
        var runtimes = gw.Services.GetRequiredService<GatewayRuntimeProvider>();
        var first = runtimes.Current;
        Assert.Same(first, runtimes.Current);

        Assert.False(await gw.RewriteConfigAsync(yaml.Replace("reactivationPeriod: 45s", "reactivationPeriod: soon", StringComparison.Ordinal)));
        Assert.Same(first, runtimes.Current);

        Assert.True(await gw.RewriteConfigAsync(yaml.Replace("reactivationPeriod: 45s", "reactivationPeriod: 50s", StringComparison.Ordinal), TimeSpan.FromSeconds(10)));
        var second = runtimes.Current;
        Assert.NotSame(first, second);
        Assert.Equal(TimeSpan.FromSeconds(50), second.Part<HttpBackends>()!["echo"].ReactivationPeriod);
    }

    [Fact]
    public async Task RouteTable_MatchesOfOneRoute_ShareOneRouteWithItsPoliciesResolved()
    {
        await using var gw = await TestGateway.StartAsync(Yaml("http://127.0.0.1:9/mcp", "/echo"));
        var table = gw.Services.GetRequiredService<GatewayRuntimeProvider>().Current.Routes;
        static HttpRequest Request(string path) => new DefaultHttpContext { Request = { Method = "GET", Path = path } }.Request;

        var first = table.Match(Request("/echo/a"), out _);
        var second = table.Match(Request("/echo/b"), out _);

        Assert.NotNull(first);
        Assert.Same(first, second);
        var policy = Assert.Single(first.Policies);
        Assert.NotNull(policy.Authentication);
    }
}
