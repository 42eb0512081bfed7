using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Traffic;

namespace AgentGateway.Tests.Routing;

/// <summary>
/// Errors the gateway raises itself come in the shape the route's clients understand: JSON-RPC on mcp and a2a
/// routes, the OpenAI shape on llm routes, the gateway's JSON elsewhere — whichever policy raised them.
/// </summary>
public class GatewayErrorShapeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string McpRoute = """
        routes: [{ name: tools, path: /mcp, mcp: tools, policies: [p] }]
        mcp: { tools: { targets: [{ name: t, url: "http://127.0.0.1:1/mcp" }] } }

        """;

    private static async Task<JsonElement> JsonRpcErrorAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("2.0", body.GetProperty("jsonrpc").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("id").ValueKind);
        return body.GetProperty("error");
    }

    [Fact]
    public async Task BodyOverTheLimit_OnAnMcpRoute_IsAJsonRpcError()
    {
        await using var gw = await TestGateway.StartAsync(McpRoute + "policies: { p: { limits: { maxRequestBodySize: 10 } } }\n");

        var response = await gw.CreateClient().PostAsync("/mcp", new StringContent(new string('x', 50), Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await JsonRpcErrorAsync(response);
        Assert.Equal(-32000, error.GetProperty("code").GetInt32());
        Assert.Equal("request_too_large", error.GetProperty("data").GetProperty("type").GetString());
    }

    [Fact]
    public async Task MissingCredentials_OnAnMcpRoute_IsAJsonRpcError_WithTheChallengeKept()
    {
        await using var gw = await TestGateway.StartAsync(McpRoute
            + $$"""policies: { p: { authentication: { apiKeys: [{ name: k, keyHash: "{{SecretHash.Sha256("k")}}" }] } } }""" + "\n");

        var response = await gw.CreateClient().PostAsync("/mcp", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
        Assert.Equal("unauthorized", (await JsonRpcErrorAsync(response)).GetProperty("data").GetProperty("type").GetString());
    }

    [Fact]
    public async Task RateLimited_OnAnMcpRoute_KeepsTheRateLimitHeaders()
    {
        await using var gw = await TestGateway.StartAsync(McpRoute + "policies: { p: { rateLimit: { requests: 1, per: 1h, key: route } } }\n",
            configure: DelegateBackendHandler.Register("mcp", ctx => ctx.Response.WriteAsync("{}", ctx.RequestAborted)));
        var client = gw.CreateClient();
        await client.PostAsync("/mcp", new StringContent("{}"), Ct);

        var limited = await client.PostAsync("/mcp", new StringContent("{}"), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("0", limited.Headers.GetValues("x-ratelimit-remaining").Single());
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("rate_limit_exceeded", (await JsonRpcErrorAsync(limited)).GetProperty("data").GetProperty("type").GetString());
    }

    [Fact]
    public async Task RateLimited_OnAnLlmRoute_IsAnOpenAiError()
    {
        await using var gw = await TestGateway.StartAsync("""
            routes: [{ name: models, path: /v1, llm: models, policies: [p] }]
            llm: { models: { providers: [{ name: m, type: mock, models: ["*"] }] } }
            policies: { p: { rateLimit: { requests: 1, per: 1h, key: route } } }
            """);
        var client = gw.CreateClient();
        const string Chat = """{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""";
        await client.PostAsync("/v1/chat/completions", new StringContent(Chat, Encoding.UTF8, "application/json"), Ct);

        var limited = await client.PostAsync("/v1/chat/completions", new StringContent(Chat, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var error = (await limited.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error");
        Assert.Equal("rate_limit_error", error.GetProperty("type").GetString());
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
    }
}
