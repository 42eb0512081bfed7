using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Security;

public class AuthenticationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Config(Uri echo, string authentication, string kind = "http: e") => $$"""
        routes:
          - { name: r, path: /, {{kind}}, policies: [auth] }
        http: { e: { destinations: [{{echo}}] } }
        policies:
          auth:
            authentication:
              {{authentication}}
        """;

    private static HttpRequestMessage Get(string path, string? scheme = null, string? parameter = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (scheme is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, parameter);
        }

        return request;
    }

    [Fact]
    public async Task Jwt_ValidToken_IsAccepted_AndBadOnesGet401WithReason()
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(Config(echo.BaseAddress,
            $$"""jwt: { issuer: "{{TestJwtIssuer.Issuer}}", audiences: [agentgateway], clockSkew: 5s, jwks: { url: "{{idp.JwksUrl}}" } }"""));
        var client = gw.CreateClient();

        var ok = await client.SendAsync(Get("/a", "Bearer", idp.CreateToken("alice")), Ct);
        var expired = await client.SendAsync(Get("/a", "Bearer", idp.CreateToken("alice", lifetime: TimeSpan.FromMinutes(-1))), Ct);
        var wrongAudience = await client.SendAsync(Get("/a", "Bearer", idp.CreateToken("alice", audience: "someone-else")), Ct);
        var malformed = await client.SendAsync(Get("/a", "Bearer", "abc.def.ghi"), Ct);
        var missing = await client.SendAsync(Get("/a"), Ct);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        foreach (var (response, reason) in new[] { (expired, "expired"), (wrongAudience, "audience"), (malformed, "malformed"), (missing, "required") })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.First().Scheme, StringComparison.Ordinal);
            var message = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetProperty("message").GetString();
            Assert.Contains(reason, message, StringComparison.Ordinal);
        }

        Assert.Equal(1, echo.RequestCount);
    }

    [Fact]
    public async Task Jwt_UnknownSigningKey_IsRejected_ThenAcceptedOnceTheIssuerRotatesItIn()
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(Config(echo.BaseAddress,
            $$"""jwt: { issuer: "{{TestJwtIssuer.Issuer}}", audiences: [agentgateway], jwks: { url: "{{idp.JwksUrl}}" } }"""));
        var client = gw.CreateClient();
        var rotated = TestJwtIssuer.NewKey();
        var token = idp.CreateToken("bob", key: rotated);

        var before = await client.SendAsync(Get("/", "Bearer", token), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        Assert.Contains("unknown key", await before.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        idp.Publish(rotated);
        // Refetches are rate-limited (10 s) so a flood of bad tokens cannot hammer the IdP.
        await Task.Delay(TimeSpan.FromSeconds(10.5), Ct);
        var after = await client.SendAsync(Get("/", "Bearer", token), Ct);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task ApiKey_IsAcceptedFromBearerOrXApiKey_OnlyAsHashInConfig()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(Config(echo.BaseAddress,
            $$"""apiKeys: [{ name: ci-bot, keyHash: "{{SecretHash.Sha256("s3cret-key")}}" }]"""));
        var client = gw.CreateClient();

        var bearer = await client.SendAsync(Get("/", "Bearer", "s3cret-key"), Ct);
        using var header = Get("/");
        header.Headers.Add("x-api-key", "s3cret-key");
        var viaHeader = await client.SendAsync(header, Ct);
        var wrong = await client.SendAsync(Get("/", "Bearer", "guess"), Ct);

        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaHeader.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        // The client's credentials are not an upstream credential: http routes forward them only because HTTP
        // backends are the client's own API; body shows what reached the backend.
        Assert.Equal(2, echo.RequestCount);
    }

    [Fact]
    public async Task Basic_ChecksHashedPasswords()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(Config(echo.BaseAddress,
            $$"""basic: { users: [{ name: ann, passwordHash: "{{SecretHash.Sha256("pw1")}}" }] }"""));
        var client = gw.CreateClient();
        string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Get("/", "Basic", B64("ann:pw1")), Ct)).StatusCode);
        var bad = await client.SendAsync(Get("/", "Basic", B64("ann:nope")), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Contains(bad.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Get("/", "Basic", "!!!not-base64"), Ct)).StatusCode);
    }

    [Fact]
    public async Task HugeHeader_IsRefusedWith431_NotACrash()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(Config(echo.BaseAddress,
            $$"""apiKeys: [{ name: k, keyHash: "{{SecretHash.Sha256("k")}}" }]"""));

        var response = await gw.CreateClient().SendAsync(Get("/", "Bearer", new string('a', 100_000)), Ct);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gw.CreateClient().GetAsync("/", Ct)).StatusCode);
    }

    [Fact]
    public async Task McpRoute_401PointsAtProtectedResourceMetadata_WhichIsServed()
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var gw = await TestGateway.StartAsync($$"""
            routes:
              - { name: tools, path: /mcp, mcp: tools, policies: [auth] }
            mcp: { tools: { targets: [{ name: t, url: "http://127.0.0.1:9/mcp" }] } }
            policies:
              auth:
                authentication:
                  jwt: { issuer: "{{TestJwtIssuer.Issuer}}", audiences: [agentgateway], jwks: { url: "{{idp.JwksUrl}}" },
                         authorizationServers: ["https://login.test"], scopes: [tools.read] }
            """);
        var client = gw.CreateClient();

        var challenge = await client.PostAsync("/mcp", new StringContent("{}"), Ct);
        var metadata = await client.GetFromJsonAsync<JsonElement>("/.well-known/oauth-protected-resource/mcp", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, challenge.StatusCode);
        var header = challenge.Headers.WwwAuthenticate.ToString();
        Assert.Contains($"resource_metadata=\"{gw.BaseAddress.ToString().TrimEnd('/')}/.well-known/oauth-protected-resource/mcp\"", header, StringComparison.Ordinal);
        Assert.Equal($"{gw.BaseAddress.ToString().TrimEnd('/')}/mcp", metadata.GetProperty("resource").GetString());
        Assert.Equal("https://login.test", metadata.GetProperty("authorization_servers")[0].GetString());
        Assert.Equal("tools.read", metadata.GetProperty("scopes_supported")[0].GetString());
    }

    [Fact]
    public void Validator_ReportsEveryAuthenticationMistake()
    {
        var context = new AgentGateway.Configuration.ConfigValidationContext(Path.GetTempPath());
        new SecurityConfigValidator().Validate(new AgentGateway.Configuration.GatewayConfig
        {
            Policies = new Dictionary<string, AgentGateway.Configuration.PolicyConfig>
            {
                ["p"] = new()
                {
                    Authentication = new AuthenticationConfig
                    {
                        Jwt = new JwtConfig { Jwks = new JwksConfig(), ClockSkew = "soon" },
                        ApiKeys = [new ApiKeyConfig { Name = "a", KeyHash = "plaintext" }, new ApiKeyConfig { Name = "a", KeyHash = SecretHash.Sha256("x") }],
                    },
                },
            },
        }, context);

        Assert.Equal(
            ["policies.p.authentication.apiKeys[0].keyHash", "policies.p.authentication.apiKeys[1].name", "policies.p.authentication.jwt.clockSkew", "policies.p.authentication.jwt.jwks"],
            context.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SecretHash_VerifiesSha256AndPbkdf2()
    {
        var salt = new byte[16];
        var pbkdf2 = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2("pw"u8.ToArray(), salt, 1000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        var hash = $"pbkdf2:1000:{Convert.ToBase64String(salt)}:{Convert.ToBase64String(pbkdf2)}";

        Assert.True(SecretHash.Verify("pw", hash));
        Assert.False(SecretHash.Verify("pW", hash));
        Assert.True(SecretHash.Verify("k", SecretHash.Sha256("k")));
        Assert.False(SecretHash.IsValid("sha256:zz"));
    }
}
