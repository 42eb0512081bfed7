using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Admin;

/// <summary>
/// Who may use the admin UI and API, and from where: loopback unless an authentication policy guards it, the Host
/// header checked against DNS rebinding, a CSRF header on state-changing requests, and nothing of it on public listeners.
/// </summary>
public sealed class AdminAccessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string ExplainBody = """{"policy":"p","principal":{"type":"User","id":"a"},"action":"http","resource":{"type":"Route","id":"r"}}""";

    private static string Yaml(string admin) => $$"""
        admin: {{admin}}
        routes: [{ name: r, path: /, http: e }]
        http: { e: { destinations: ["http://127.0.0.1:9"] } }
        policies:
          p:
            authorization: { cedarText: 'permit(principal, action, resource);' }
          admins:
            authentication: { apiKeys: [{ name: operator, keyHash: "{{SecretHash.Sha256("admin-key")}}" }] }
        """;

    private static async Task<(TestGateway Gateway, HttpClient Admin)> StartAsync(string admin, int port)
    {
        var gateway = await TestGateway.StartAsync(Yaml(admin));
        return (gateway, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? host = null, string? body = null, bool csrf = false, string? origin = null, string? key = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (csrf)
        {
            request.Headers.Add("X-AgentGateway-Admin", "1");
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }

    [Theory]
    [InlineData("http://0.0.0.0:15999")]
    [InlineData("http://192.0.2.10:15999")]
    [InlineData("http://[::]:15999")]
    [InlineData("http://gateway.example:15999")]
    public async Task NonLoopbackAdminUrl_WithoutPolicy_IsAConfigError(string url)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestGateway.StartAsync(Yaml($"{{ url: \"{url}\" }}")));
        Assert.Contains("admin.policy:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ url: \"http://127.0.0.1:15999\", policy: nope }", "no policy named 'nope'")]
    [InlineData("{ url: \"http://127.0.0.1:15999\", policy: p }", "has no authentication block")]
    public async Task AdminPolicy_MustNameAPolicyWithAuthentication(string admin, string message)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestGateway.StartAsync(Yaml(admin)));
        Assert.Contains("admin.policy: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoopbackAdmin_ServesUiAndApi_WithoutCredentials()
    {
        var port = FreePort.Next();
        var (gateway, admin) = await StartAsync($"{{ url: \"http://127.0.0.1:{port}\" }}", port);
        await using var _ = gateway;
        using var __ = admin;

        using var page = await admin.GetAsync("/ui/", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("app.js", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.StartsWith("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        using var script = await admin.GetAsync("/ui/app.js", Ct);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        using var bare = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = admin.BaseAddress }.GetAsync("/ui", Ct);
        Assert.Equal("/ui/", bare.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/ui/missing.js", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/ui/..%2Fgateway.yaml", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/overview", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("evil.example", HttpStatusCode.Forbidden)]
    [InlineData("attacker.test:{port}", HttpStatusCode.Forbidden)]
    [InlineData("127.0.0.1:1", HttpStatusCode.Forbidden)]
    [InlineData("127.0.0.1:{port}", HttpStatusCode.OK)]
    [InlineData("localhost:{port}", HttpStatusCode.OK)]
    [InlineData("[::1]:{port}", HttpStatusCode.OK)]
    public async Task HostHeader_MustNameTheAdminListener_AgainstDnsRebinding(string host, HttpStatusCode expected)
    {
        var port = FreePort.Next();
        var (gateway, admin) = await StartAsync($"{{ url: \"http://127.0.0.1:{port}\" }}", port);
        await using var _ = gateway;
        using var __ = admin;
        host = host.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        foreach (var path in new[] { "/api/overview", "/api/config", "/ui/" })
        {
            using var response = await admin.SendAsync(Request(HttpMethod.Get, path, host), Ct);
            Assert.True(response.StatusCode == expected, $"GET {path} with Host {host}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task StateChangingApiRequests_NeedTheCsrfHeader_AndTheSameOrigin()
    {
        var port = FreePort.Next();
        var (gateway, admin) = await StartAsync($"{{ url: \"http://127.0.0.1:{port}\" }}", port);
        await using var _ = gateway;
        using var __ = admin;

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(Request(HttpMethod.Post, "/api/explain", body: ExplainBody), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(Request(HttpMethod.Post, "/api/playground/x", body: "{}"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(Request(HttpMethod.Post, "/api/explain", body: ExplainBody, csrf: true, origin: "http://evil.example"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(Request(HttpMethod.Post, "/api/explain", body: ExplainBody, csrf: true, origin: $"http://127.0.0.1:{port}"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(Request(HttpMethod.Post, "/api/explain", body: ExplainBody, csrf: true), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.SendAsync(Request(HttpMethod.Post, "/api/overview", body: "{}", csrf: true), Ct)).StatusCode);
    }

    [Fact]
    public async Task AdminPolicy_AuthenticatesApiAndConfig_ButNotMetricsOrStaticFiles()
    {
        var port = FreePort.Next();
        var (gateway, admin) = await StartAsync($"{{ url: \"http://0.0.0.0:{port}\", policy: admins }}", port);
        await using var _ = gateway;
        using var __ = admin;

        foreach (var path in new[] { "/api/overview", "/api/policies", "/config", "/mcp/targets" })
        {
            using var anonymous = await admin.SendAsync(Request(HttpMethod.Get, path), Ct);
            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"GET {path} without credentials: {(int)anonymous.StatusCode}");
            Assert.Contains("Bearer", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await admin.SendAsync(Request(HttpMethod.Get, path, key: "wrong"), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(Request(HttpMethod.Get, path, key: "admin-key"), Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.SendAsync(Request(HttpMethod.Post, "/authorize/explain", body: ExplainBody), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/metrics", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/ui/", Ct)).StatusCode);
        // Bound to all interfaces, any host name reaches it (authentication stands in for the Host check).
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(Request(HttpMethod.Get, "/api/overview", "gateway.internal:" + port, key: "admin-key"), Ct)).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/overview")]
    [InlineData("POST", "/api/overview")]
    [InlineData("POST", "/api/explain")]
    [InlineData("GET", "/ui/")]
    [InlineData("GET", "/ui/app.js")]
    [InlineData("DELETE", "/api/playground/mcp")]
    public async Task UiAndApi_OnAPublicListener_AreJustPathsOfTheRoutes(string method, string path)
    {
        await using var echo = await EchoServer.StartAsync();
        var port = FreePort.Next();
        await using var gateway = await TestGateway.StartAsync($$"""
            admin: { url: "http://127.0.0.1:{{port}}" }
            routes: [{ name: r, path: /, http: e }]
            http: { e: { destinations: ["{{echo.BaseAddress}}"] } }
            """);
        using var client = gateway.CreateClient();

        using var response = await client.SendAsync(Request(new HttpMethod(method), path, body: method == "GET" ? null : "{}", csrf: true), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the echo route answered, not the admin API
        Assert.Equal(1, echo.RequestCount);
    }
}
