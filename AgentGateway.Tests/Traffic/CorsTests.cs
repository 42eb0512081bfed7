using System.Net;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Traffic;

public class CorsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<TestGateway> StartAsync(EchoServer echo) => TestGateway.StartAsync($$"""
        routes: [{ name: r, path: /mcp, http: echo, policies: [browser] }]
        http:
          echo: { destinations: [{{echo.BaseAddress}}] }
        policies:
          browser:
            cors:
              allowedOrigins: [https://app.example.com, "https://*.agents.example"]
              allowedMethods: [GET, POST, DELETE]
              allowedHeaders: [content-type, mcp-session-id, authorization]
              exposedHeaders: [Mcp-Session-Id]
              allowCredentials: true
              maxAge: 10m
        """);

    private static HttpRequestMessage Preflight(string origin, string method, string? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/mcp");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        if (headers is not null)
        {
            request.Headers.Add("Access-Control-Request-Headers", headers);
        }

        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [Fact]
    public async Task Preflight_FromAllowedOrigin_IsAnsweredByTheGateway_WithoutReachingTheBackend()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await StartAsync(echo);

        using var request = Preflight("https://app.example.com", "POST", "content-type, mcp-session-id");
        var response = await gw.CreateClient().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("https://app.example.com", Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("DELETE, GET, POST", Header(response, "Access-Control-Allow-Methods"));
        Assert.Equal("content-type, mcp-session-id", Header(response, "Access-Control-Allow-Headers"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Equal("600", Header(response, "Access-Control-Max-Age"));
        Assert.Equal(0, echo.RequestCount);
    }

    [Fact]
    public async Task Preflight_FromWildcardSubdomain_IsAllowed_ButNotTheBareDomainOrAnotherScheme()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await StartAsync(echo);
        var client = gw.CreateClient();

        using var sub = Preflight("https://planner.agents.example", "GET");
        var allowed = await client.SendAsync(sub, Ct);
        Assert.Equal("https://planner.agents.example", Header(allowed, "Access-Control-Allow-Origin"));

        foreach (var origin in new[] { "https://agents.example", "http://planner.agents.example", "https://evil-agents.example" })
        {
            using var request = Preflight(origin, "GET");
            var denied = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.Null(Header(denied, "Access-Control-Allow-Origin"));
        }

        Assert.Equal(0, echo.RequestCount);
    }

    [Fact]
    public async Task Preflight_AskingForADisallowedMethodOrHeader_GetsNoCorsHeaders()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await StartAsync(echo);
        var client = gw.CreateClient();

        using var method = Preflight("https://app.example.com", "PUT");
        var badMethod = await client.SendAsync(method, Ct);
        using var header = Preflight("https://app.example.com", "POST", "x-secret");
        var badHeader = await client.SendAsync(header, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, badMethod.StatusCode);
        Assert.Null(Header(badMethod, "Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.Forbidden, badHeader.StatusCode);
        Assert.Null(Header(badHeader, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ActualRequest_FromAllowedOrigin_GetsCorsAndExposedHeaders()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await StartAsync(echo);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent("{}") };
        request.Headers.Add("Origin", "https://app.example.com");
        var response = await gw.CreateClient().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://app.example.com", Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("Mcp-Session-Id", Header(response, "Access-Control-Expose-Headers"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Contains("Origin", Header(response, "Vary"));
    }

    [Fact]
    public async Task ActualRequest_FromDisallowedOrigin_GetsNoCorsHeaders_EvenIfTheBackendSetsThem()
    {
        await using var echo = await EchoServer.StartAsync(intercept: async ctx =>
        {
            ctx.Response.Headers["Access-Control-Allow-Origin"] = "*";
            await ctx.Response.WriteAsync("backend", ctx.RequestAborted);
            return true;
        });
        await using var gw = await StartAsync(echo);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/mcp");
        request.Headers.Add("Origin", "https://evil.example");
        var response = await gw.CreateClient().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task CorsPolicy_ChangedByAConfigReload_AppliesToTheNextRequest()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await StartAsync(echo);
        var client = gw.CreateClient();

        Assert.True(await gw.RewriteConfigAsync($$"""
            routes: [{ name: r, path: /mcp, http: echo, policies: [browser] }]
            http:
              echo: { destinations: [{{echo.BaseAddress}}] }
            policies:
              browser: { cors: { allowedOrigins: [https://new.example.com] } }
            admin: { url: "" }
            """, TimeSpan.FromSeconds(10)));

        using var old = Preflight("https://app.example.com", "GET");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(old, Ct)).StatusCode);
        using var renewed = Preflight("https://new.example.com", "GET");
        Assert.Equal("https://new.example.com", Header(await client.SendAsync(renewed, Ct), "Access-Control-Allow-Origin"));
    }
}
