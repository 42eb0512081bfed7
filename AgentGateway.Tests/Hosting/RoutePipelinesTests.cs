using System.Net;
using AgentGateway.Configuration;
using AgentGateway.Hosting;
using AgentGateway.Routing;
using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace AgentGateway.Tests.Hosting;

/// <summary>Each route runs only the steps its config uses (issue #19), and a reload recompiles what it changed.</summary>
public class RoutePipelinesTests
{
    private const string ForwardedHeaders = "ForwardedHeadersMiddleware";
    private const string BodyLimit = "RequestBodyLimitMiddleware";
    private const string Authentication = "AuthenticationMiddleware";
    private const string HttpRouteAuthorization = "HttpRouteAuthorizationMiddleware";
    private const string ClientCertificateClaim = "ClientCertificateClaimMiddleware";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Yaml(string backend, string policies = "", string policyBlock = "{}") => $$"""
        routes:
          - { name: web, path: /web, http: echo{{policies}} }
          - { name: chat, path: /v1, llm: models{{policies}} }
          - { name: tools, path: /mcp, mcp: tools{{policies}} }
        http: { echo: { destinations: [{{backend}}] } }
        llm:
          models:
            providers: [{ name: local, type: openai, baseUrl: "http://127.0.0.1:9/v1", apiKey: k, models: [m1] }]
        mcp: { tools: { targets: [{ name: t, url: "http://127.0.0.1:9/mcp" }] } }
        policies: {{policyBlock}}
        """;

    private static RoutePipeline PipelineOf(TestGateway gw, string routeName)
    {
        var runtime = gw.Services.GetRequiredService<GatewayRuntimeProvider>().Current;
        var route = runtime.Routes.All.Single(r => r.Name == routeName);
        return runtime.Part<RoutePipelines>()!.For(route)!;
    }

    [Fact]
    public async Task RouteWithoutPolicies_RunsOnlyTheStepsEveryRouteNeeds()
    {
        await using var gw = await TestGateway.StartAsync(Yaml("http://127.0.0.1:9"));

        Assert.Equal([ForwardedHeaders, BodyLimit], PipelineOf(gw, "chat").Steps);
        Assert.Equal([ForwardedHeaders, BodyLimit], PipelineOf(gw, "tools").Steps);
        // An http route is authorized as a whole (Cedar), whatever its policies; the other kinds do it in their handlers.
        Assert.Equal([ForwardedHeaders, BodyLimit, HttpRouteAuthorization], PipelineOf(gw, "web").Steps);
    }

    public static TheoryData<string, string[]> OnePolicyEach() => new()
    {
        { "{ cors: { allowedOrigins: [https://app.example] } }", ["CorsMiddleware"] },
        { $$"""{ authentication: { apiKeys: [{ name: bot, keyHash: "{{SecretHash.Sha256("k")}}" }] } }""", [Authentication, ClientCertificateClaim] },
        { "{ limits: { maxConcurrentRequests: 4 } }", ["ConcurrencyLimitMiddleware"] },
        { "{ rateLimit: { requests: 5, per: 1m, key: route } }", ["RateLimitMiddleware"] },
        { "{ headers: { request: { set: { x-a: b } } } }", ["HeaderRulesMiddleware"] },
        { "{ headers: { response: { remove: [server] } } }", ["HeaderRulesMiddleware"] },
        { "{ timeouts: { backend: 2s } }", ["BackendTimeoutMiddleware"] },
        { "{ timeouts: { request: 2s } }", ["TimeoutMiddleware"] },
        { "{ timeouts: { idle: 2s } }", ["TimeoutMiddleware"] },
        // Neither adds a step: forwarded headers and the body limit run on every route anyway.
        { "{ trustedProxies: [10.0.0.0/8] }", [] },
        { "{ limits: { maxRequestBodySize: 100 } }", [] },
    };

    [Theory]
    [MemberData(nameof(OnePolicyEach))]
    public async Task RouteWithOnePolicy_RunsTheStepsOfThatPolicy_AndNoOther(string policy, string[] added)
    {
        await using var gw = await TestGateway.StartAsync(Yaml("http://127.0.0.1:9", ", policies: [p]", $"{{ p: {policy} }}"));

        var expected = GatewayApplicationExtensions.RouteSteps.Select(s => s.Name)
            .Where(name => name is ForwardedHeaders or BodyLimit || added.Contains(name))
            .ToList();
        Assert.Equal(expected, PipelineOf(gw, "chat").Steps);
        Assert.Equal(expected, PipelineOf(gw, "tools").Steps);
    }

    [Fact]
    public async Task RouteUsingEveryPolicy_RunsEveryStep_InTheDocumentedOrder()
    {
        const string Cors = "cors: { allowedOrigins: [https://app.example] }";
        const string Limits = "limits: { maxConcurrentRequests: 4 }, rateLimit: { requests: 5, per: 1m, key: route }";
        const string Rest = "headers: { request: { set: { x-a: b } } }, timeouts: { request: 5s, backend: 2s }";
        var authentication = $$"""authentication: { apiKeys: [{ name: bot, keyHash: "{{SecretHash.Sha256("k")}}" }] }""";
        await using var gw = await TestGateway.StartAsync(
            Yaml("http://127.0.0.1:9", ", policies: [all]", $"{{ all: {{ {Cors}, {authentication}, {Limits}, {Rest} }} }}"));

        Assert.Equal(GatewayApplicationExtensions.RouteSteps.Select(s => s.Name), PipelineOf(gw, "web").Steps);
    }

    [Fact]
    public async Task RoutesUsingTheSameSteps_ShareOnePipeline_AndAReloadThatKeepsThemKeepsIt()
    {
        var yaml = Yaml("http://127.0.0.1:9");
        await using var gw = await TestGateway.StartAsync(yaml);
        var chat = PipelineOf(gw, "chat");
        Assert.Same(chat, PipelineOf(gw, "tools"));

        Assert.True(await gw.RewriteConfigAsync(yaml.Replace("path: /mcp,", "path: /tools,", StringComparison.Ordinal), TimeSpan.FromSeconds(10)));

        Assert.Same(chat, PipelineOf(gw, "chat"));
    }

    [Fact]
    public async Task Reload_ThatAddsCorsToARoute_AnswersItsPreflightsFromTheNextRequest()
    {
        await using var echo = await EchoServer.StartAsync();
        var yaml = Yaml(echo.BaseAddress.ToString());
        await using var gw = await TestGateway.StartAsync(yaml);
        var client = gw.CreateClient();
        static HttpRequestMessage Preflight()
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/web/x");
            request.Headers.Add("Origin", "https://app.example");
            request.Headers.Add("Access-Control-Request-Method", "POST");
            return request;
        }

        using (var before = Preflight())
        {
            await client.SendAsync(before, Ct);
        }

        Assert.Equal(1, echo.RequestCount);

        Assert.True(await gw.RewriteConfigAsync(
            Yaml(echo.BaseAddress.ToString(), ", policies: [browser]", "{ browser: { cors: { allowedOrigins: [https://app.example] } } }"),
            TimeSpan.FromSeconds(10)));
        using var after = Preflight();
        var response = await client.SendAsync(after, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("https://app.example", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(1, echo.RequestCount);
    }

    [Fact]
    public async Task Reload_ThatAddsARateLimitToARoute_EnforcesItFromTheNextRequest()
    {
        await using var echo = await EchoServer.StartAsync();
        var yaml = Yaml(echo.BaseAddress.ToString());
        await using var gw = await TestGateway.StartAsync(yaml);
        var client = gw.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/web/a", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/web/b", Ct)).StatusCode);

        Assert.True(await gw.RewriteConfigAsync(
            Yaml(echo.BaseAddress.ToString(), ", policies: [quota]", "{ quota: { rateLimit: { requests: 1, per: 1h, key: route } } }"),
            TimeSpan.FromSeconds(10)));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/web/c", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/web/d", Ct)).StatusCode);
        Assert.Equal(3, echo.RequestCount);
    }

    [Fact]
    public async Task Reload_ThatRemovesARoutesPolicies_LeavesTheirStepsOutOfItsPipeline()
    {
        var withHeaders = Yaml("http://127.0.0.1:9", ", policies: [h]", "{ h: { headers: { request: { set: { x-a: b } } } } }");
        await using var gw = await TestGateway.StartAsync(withHeaders);
        Assert.Contains("HeaderRulesMiddleware", PipelineOf(gw, "chat").Steps);

        Assert.True(await gw.RewriteConfigAsync(Yaml("http://127.0.0.1:9"), TimeSpan.FromSeconds(10)));

        Assert.Equal([ForwardedHeaders, BodyLimit], PipelineOf(gw, "chat").Steps);
    }

    [Fact]
    public async Task RouteWithoutACompiledPipeline_IsRefused_NotServedWithoutItsPolicies()
    {
        var config = new GatewayConfig { Routes = [new RouteConfig { Name = "r", Path = "/", Http = "b" }] };
        var runtime = new GatewayRuntime(config, new Dictionary<Type, object>());
        var context = new DefaultHttpContext();
        context.Features.Set(runtime);
        context.Features.Set(runtime.Routes.All.Single());

        await RoutePipelines.RunAsync(context);

        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
    }
}
