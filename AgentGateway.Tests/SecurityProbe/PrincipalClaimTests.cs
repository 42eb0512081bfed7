using System.Net;
using System.Net.Http.Headers;
using AgentGateway.Configuration;
using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// The principal id comes from the token's <c>sub</c> (or the one claim named by <c>jwt.principalClaim</c>), never
/// from a claim the token may set in the gateway's own namespace, nor from a mutable fallback like preferred_username.
/// </summary>
public sealed class PrincipalClaimTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Config(Uri echo, Uri jwks, string admin, string principalClaim = "") => $$"""
        routes: [{ name: r, path: /, http: e, policies: [auth] }]
        http: { e: { destinations: [{{echo}}] } }
        policies:
          auth:
            authentication:
              jwt: { issuer: "{{TestJwtIssuer.Issuer}}", audiences: [agentgateway], jwks: { url: "{{jwks}}" } {{principalClaim}} }
            authorization:
              cedarText: 'permit(principal == User::"{{admin}}", action, resource);'
        """;

    private static async Task<HttpStatusCode> GetAsync(TestGateway gw, string token)
    {
        using var client = gw.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    [Theory]
    [InlineData("agw:principal")]
    [InlineData("AGW:Principal")]
    [InlineData("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier")]
    public async Task Jwt_ClaimInTheGatewaysNamespace_DoesNotRenameThePrincipal(string claim)
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(Config(echo.BaseAddress, idp.JwksUrl, "admin"));

        var spoofed = await GetAsync(gw, idp.CreateToken("bob", claims: new Dictionary<string, object> { [claim] = "admin" }));
        var real = await GetAsync(gw, idp.CreateToken("admin"));

        Assert.Equal(HttpStatusCode.Forbidden, spoofed);
        Assert.Equal(HttpStatusCode.OK, real);
        Assert.Equal(1, echo.RequestCount);
    }

    [Fact]
    public async Task Jwt_WithoutSub_Gets401_InsteadOfBeingNamedByPreferredUsername()
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(Config(echo.BaseAddress, idp.JwksUrl, "admin"));

        var withoutSub = await GetAsync(gw, idp.CreateToken(null, claims: new Dictionary<string, object> { ["preferred_username"] = "admin", ["client_id"] = "admin" }));
        var emptySub = await GetAsync(gw, idp.CreateToken("", claims: new Dictionary<string, object> { ["preferred_username"] = "admin" }));

        Assert.Equal(HttpStatusCode.Unauthorized, withoutSub);
        Assert.Equal(HttpStatusCode.Unauthorized, emptySub);
        Assert.Equal(0, echo.RequestCount);
    }

    [Fact]
    public async Task Jwt_PrincipalClaimFromConfig_NamesThePrincipal_AndATokenWithoutItGets401()
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(Config(echo.BaseAddress, idp.JwksUrl, "oid-admin", ", principalClaim: oid"));

        var byOid = await GetAsync(gw, idp.CreateToken("someone", claims: new Dictionary<string, object> { ["oid"] = "oid-admin" }));
        var otherOid = await GetAsync(gw, idp.CreateToken("oid-admin", claims: new Dictionary<string, object> { ["oid"] = "oid-bob" }));
        var withoutOid = await GetAsync(gw, idp.CreateToken("oid-admin"));

        Assert.Equal(HttpStatusCode.OK, byOid);
        Assert.Equal(HttpStatusCode.Forbidden, otherOid); // sub is not consulted once another claim is configured
        Assert.Equal(HttpStatusCode.Unauthorized, withoutOid);
    }

    [Theory]
    [InlineData("agw:principal")]
    [InlineData("")]
    public void Validator_RejectsAPrincipalClaimThatCannotIdentifyAPrincipal(string claim)
    {
        var context = new ConfigValidationContext(Path.GetTempPath());
        new SecurityConfigValidator().Validate(new GatewayConfig
        {
            Policies = new Dictionary<string, PolicyConfig>
            {
                ["p"] = new() { Authentication = new AuthenticationConfig { Jwt = new JwtConfig { Jwks = new JwksConfig { Inline = "{}" }, PrincipalClaim = claim } } },
            },
        }, context);

        Assert.Equal(["policies.p.authentication.jwt.principalClaim"], context.Errors.Select(e => e.Path));
    }
}
