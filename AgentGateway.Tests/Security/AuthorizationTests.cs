using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Security;

public class AuthorizationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Config(Uri echo, Uri jwks, string cedar, string extraAuth = "") => $$"""
        routes:
          - { name: web, path: /, http: e, policies: [guarded] }
        http: { e: { destinations: [{{echo}}] } }
        policies:
          guarded:
            authentication:
              jwt: { issuer: "{{TestJwtIssuer.Issuer}}", audiences: [agentgateway], jwks: { url: "{{jwks}}" } }
              {{extraAuth}}
            authorization:
              cedarText: |
        {{string.Join("\n", cedar.Split('\n').Select(l => "        " + l))}}
        """;

    private static HttpRequestMessage As(HttpMethod method, string path, string token) =>
        new(method, path) { Headers = { Authorization = new("Bearer", token) } };

    [Fact]
    public async Task HttpRoute_GroupClaimsFromJwt_DecideAccess_AndForbidOverridesPermit()
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(Config(echo.BaseAddress, idp.JwksUrl, """
            permit(principal in Group::"staff", action == Action::"http", resource == Route::"web");
            forbid(principal, action, resource) when { context.route == "web" && resource.method == "DELETE" };
            """));
        var client = gw.CreateClient();
        var staff = idp.CreateToken("alice", claims: new Dictionary<string, object> { ["groups"] = new[] { "staff", "dev" } });
        var outsider = idp.CreateToken("mallory", claims: new Dictionary<string, object> { ["groups"] = new[] { "guests" } });

        var allowed = await client.SendAsync(As(HttpMethod.Get, "/docs", staff), Ct);
        var forbidden = await client.SendAsync(As(HttpMethod.Delete, "/docs", staff), Ct);
        var denied = await client.SendAsync(As(HttpMethod.Get, "/docs", outsider), Ct);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("forbidden", (await denied.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(1, echo.RequestCount);
    }

    [Fact]
    public async Task ApiKeyPrincipal_IsMatchedByItsName()
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(Config(echo.BaseAddress, idp.JwksUrl,
            """permit(principal == ApiKey::"ci-bot", action, resource);""",
            $$"""apiKeys: [{ name: ci-bot, keyHash: "{{SecretHash.Sha256("bot-key")}}" }, { name: other, keyHash: "{{SecretHash.Sha256("other-key")}}" }]"""));
        var client = gw.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(As(HttpMethod.Get, "/", "bot-key"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(As(HttpMethod.Get, "/", "other-key"), Ct)).StatusCode);
    }

    [Fact]
    public async Task PolicyFileWithSyntaxError_IsAConfigErrorWithLineAndColumn()
    {
        var dir = Directory.CreateTempSubdirectory("agw-cedar-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "bad.cedar"), "permit(principal, action, resource);\nforbid(principal,, action, resource);\n", Ct);
        var yaml = Path.Combine(dir, "gateway.yaml");
        await File.WriteAllTextAsync(yaml, """
            admin: { url: "" }
            routes: [{ name: r, path: /, http: e, policies: [p] }]
            http: { e: { destinations: ["http://127.0.0.1:9"] } }
            policies: { p: { authorization: { cedar: bad.cedar } } }
            """, Ct);

        var (app, errors) = AgentGateway.Hosting.GatewayApp.Build(AgentGateway.Hosting.GatewayCommandLine.Parse(["--config", yaml]));

        Assert.Null(app);
        var error = Assert.Single(errors);
        Assert.Equal("policies.p.authorization.cedar", error.Path);
        Assert.Contains("line 2, column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainEndpoint_ReturnsDecisionPoliciesAndErrors()
    {
        var adminPort = FreePort.Next();
        await using var gw = await TestGateway.StartAsync($$"""
            admin: { url: "http://127.0.0.1:{{adminPort}}" }
            routes: []
            policies:
              tools:
                authorization:
                  cedarText: |
                    permit(principal in Group::"admins", action == Action::"call_tool", resource);
                    forbid(principal, action, resource) when { resource.name == "rm" };
                    permit(principal, action, resource) when { context.count > "x" };
            """);
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}") };

        var allow = await admin.PostAsJsonAsync("/authorize/explain", new
        {
            policy = "tools",
            principal = new { type = "User", id = "ann", parents = new[] { new { type = "Group", id = "admins" } } },
            action = "call_tool",
            resource = new { type = "Tool", id = "fs_ls", attributes = new { name = "ls" } },
            context = new { count = 1 },
        }, Ct);
        var deny = await admin.PostAsJsonAsync("/authorize/explain", new
        {
            policy = "tools",
            principal = new { type = "User", id = "ann", parents = new[] { new { type = "Group", id = "admins" } } },
            action = "call_tool",
            resource = new { type = "Tool", id = "fs_rm", attributes = new { name = "rm" } },
            context = new { count = 1 },
        }, Ct);
        var bad = await admin.PostAsync("/authorize/explain", new StringContent("{ nope"), Ct);
        var onGatewayPort = await gw.CreateClient().PostAsync("/authorize/explain", new StringContent("{}"), Ct);

        var allowBody = await allow.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Allow", allowBody.GetProperty("decision").GetString());
        Assert.Equal(["policy0"], allowBody.GetProperty("policies").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("policy2", allowBody.GetProperty("errors")[0].GetProperty("policy").GetString());
        var denyBody = await deny.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Deny", denyBody.GetProperty("decision").GetString());
        Assert.Equal("policy1", denyBody.GetProperty("policies")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onGatewayPort.StatusCode);
    }

    [Fact]
    public async Task AdminConfig_RedactsSecrets()
    {
        var adminPort = FreePort.Next();
        await using var gw = await TestGateway.StartAsync($$"""
            admin: { url: "http://127.0.0.1:{{adminPort}}" }
            routes: [{ name: r, path: /, http: e, policies: [p] }]
            http: { e: { destinations: ["http://127.0.0.1:9"] } }
            policies: { p: { authentication: { apiKeys: [{ name: bot, keyHash: "{{SecretHash.Sha256("k")}}" }] } } }
            """);
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}") };

        var text = await admin.GetStringAsync("/config", Ct);

        Assert.Contains("\"bot\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretHash.Sha256("k"), text, StringComparison.Ordinal);
        Assert.Contains("***", text, StringComparison.Ordinal);
    }
}
