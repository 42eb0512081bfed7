using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// The credentials a caller authenticated to the gateway with (JWT, API key, basic) stay at the gateway on http routes;
/// a real upstream echoes the headers it received.
/// </summary>
public class HttpCredentialProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Yaml(Uri echo, Uri jwks, string backendExtra = "", string policyExtra = "") => $$"""
        routes: [{ name: api, path: /api, http: e, policies: [signed-in] }]
        http: { e: { destinations: ["{{echo}}"]{{backendExtra}} } }
        policies:
          signed-in:
            authentication:
              jwt: { issuer: "{{TestJwtIssuer.Issuer}}", audiences: [agentgateway], jwks: { url: "{{jwks}}" } }
              apiKeys: [{ name: bot, keyHash: "{{SecretHash.Sha256("gw-key")}}" }]
              basic: { users: [{ name: ann, passwordHash: "{{SecretHash.Sha256("pw1")}}" }] }
        {{policyExtra}}
        """;

    private static IEnumerable<(string Name, Action<HttpRequestHeaders> Apply, string Secret)> Credentials(string jwt) =>
    [
        ("jwt", h => h.Authorization = new AuthenticationHeaderValue("Bearer", jwt), jwt),
        ("api key as bearer", h => h.Authorization = new AuthenticationHeaderValue("Bearer", "gw-key"), "gw-key"),
        ("api key as x-api-key", h => h.Add("x-api-key", "gw-key"), "gw-key"),
        ("basic", h => h.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ann:pw1"))), "YW5uOnB3MQ=="),
    ];

    private static async Task<JsonElement> SendAsync(TestGateway gw, Action<HttpRequestHeaders> apply)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/items");
        apply(request.Headers);
        using var response = await gw.CreateClient().SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("headers").Clone();
    }

    [Fact]
    public async Task HttpRoute_DoesNotForwardTheCredentialsTheGatewayConsumed()
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var echo = await EchoServer.StartAsync("e");
        await using var gw = await TestGateway.StartAsync(Yaml(echo.BaseAddress, idp.JwksUrl));

        foreach (var (name, apply, secret) in Credentials(idp.CreateToken("bob")))
        {
            var headers = await SendAsync(gw, apply);
            Assert.False(headers.TryGetProperty("authorization", out _), $"{name}: Authorization reached the upstream");
            Assert.False(headers.TryGetProperty("x-api-key", out _), $"{name}: x-api-key reached the upstream");
            Assert.DoesNotContain(secret, headers.GetRawText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HttpBackend_WithPassthrough_ForwardsThem()
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var echo = await EchoServer.StartAsync("e");
        await using var gw = await TestGateway.StartAsync(Yaml(echo.BaseAddress, idp.JwksUrl, backendExtra: ", passthrough: true"));
        var jwt = idp.CreateToken("bob");

        var bearer = await SendAsync(gw, h => h.Authorization = new AuthenticationHeaderValue("Bearer", jwt));
        var apiKey = await SendAsync(gw, h => h.Add("x-api-key", "gw-key"));

        Assert.Equal("Bearer " + jwt, bearer.GetProperty("authorization").GetString());
        Assert.Equal("gw-key", apiKey.GetProperty("x-api-key").GetString());
    }

    [Fact]
    public async Task HeaderRule_CanStillSetTheUpstreamsOwnAuthorization()
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var echo = await EchoServer.StartAsync("e");
        await using var gw = await TestGateway.StartAsync(Yaml(echo.BaseAddress, idp.JwksUrl, policyExtra: """
              upstream-auth:
                headers: { request: { set: { Authorization: "Bearer upstream-token" } } }
            """).Replace("policies: [signed-in]", "policies: [signed-in, upstream-auth]", StringComparison.Ordinal));

        var headers = await SendAsync(gw, h => h.Add("x-api-key", "gw-key"));

        Assert.Equal("Bearer upstream-token", headers.GetProperty("authorization").GetString());
        Assert.False(headers.TryGetProperty("x-api-key", out _));
    }

    [Fact]
    public async Task HttpRoute_WithoutAuthentication_ForwardsTheClientsAuthorization()
    {
        await using var echo = await EchoServer.StartAsync("e");
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: api, path: /api, http: e }]
            http: { e: { destinations: ["{{echo.BaseAddress}}"] } }
            """);

        var headers = await SendAsync(gw, h => h.Authorization = new AuthenticationHeaderValue("Bearer", "the-apis-own-token"));

        Assert.Equal("Bearer the-apis-own-token", headers.GetProperty("authorization").GetString());
    }
}
