using System.Net.Http.Json;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Traffic;

public class HeaderRulesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HeaderRules_RewriteRequestAndResponse_WithEnvironmentValues()
    {
        Environment.SetEnvironmentVariable("AGW_TEST_TENANT", "blue");
        await using var echo = await EchoServer.StartAsync(intercept: ctx =>
        {
            ctx.Response.Headers["Server-Timing"] = "db;dur=1";
            ctx.Response.Headers["X-Powered-By"] = "backend";
            return Task.FromResult(false);
        });
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: r, path: /, http: b, policies: [rewrite] }]
            http: { b: { destinations: [{{echo.BaseAddress}}] } }
            policies:
              rewrite:
                headers:
                  request:
                    set: { X-Tenant: "${AGW_TEST_TENANT}" }
                    add: { X-Trace-Tag: gateway }
                    remove: [Cookie]
                  response:
                    set: { X-Served-By: agentgateway }
                    remove: [X-Powered-By]
            """);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");
        request.Headers.Add("X-Tenant", "spoofed");
        request.Headers.Add("X-Trace-Tag", "client");
        request.Headers.Add("Cookie", "session=secret");
        var response = await gw.CreateClient().SendAsync(request, Ct);
        var seen = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("headers");

        Assert.Equal("blue", seen.GetProperty("x-tenant").GetString());
        Assert.Equal("client, gateway", seen.GetProperty("x-trace-tag").GetString());
        Assert.False(seen.TryGetProperty("cookie", out _));
        Assert.Equal("agentgateway", Assert.Single(response.Headers.GetValues("X-Served-By")));
        Assert.False(response.Headers.Contains("X-Powered-By"));
        Assert.True(response.Headers.Contains("Server-Timing"));
    }

    [Fact]
    public async Task ForwardedHeaders_FromAnUntrustedClient_AreReplacedByWhatTheGatewaySaw()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: r, path: /, http: b }]
            http: { b: { destinations: [{{echo.BaseAddress}}] } }
            """);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");
        request.Headers.Add("X-Forwarded-For", "1.2.3.4");
        request.Headers.Add("X-Forwarded-Host", "admin.internal");
        var seen = (await (await gw.CreateClient().SendAsync(request, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("headers");

        Assert.Equal("127.0.0.1", seen.GetProperty("x-forwarded-for").GetString());
        Assert.Equal(gw.BaseAddress.Authority, seen.GetProperty("x-forwarded-host").GetString());
        Assert.Equal("http", seen.GetProperty("x-forwarded-proto").GetString());
    }

    [Fact]
    public async Task ForwardedFor_FromATrustedProxy_IsKept_AndBecomesTheClientIpForRateLimits()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: r, path: /, http: b, policies: [edge] }]
            http: { b: { destinations: [{{echo.BaseAddress}}] } }
            policies:
              edge:
                trustedProxies: [127.0.0.1/32]
                rateLimit: { requests: 1, per: 1h, key: ip }
            """);
        var client = gw.CreateClient();

        async Task<HttpResponseMessage> From(string ip)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/x");
            request.Headers.Add("X-Forwarded-For", ip);
            return await client.SendAsync(request, Ct);
        }

        var first = await From("203.0.113.7");
        var seen = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("headers");
        Assert.Equal("203.0.113.7, 127.0.0.1", seen.GetProperty("x-forwarded-for").GetString());
        // Counted per forwarded client: a second client still has its own budget, the first does not.
        Assert.Equal(200, (int)(await From("203.0.113.8")).StatusCode);
        Assert.Equal(429, (int)(await From("203.0.113.7")).StatusCode);
    }
}
