using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AgentGateway.Tests.Infrastructure;

/// <summary>
/// A real identity provider for tests: RSA signing keys and a JWKS endpoint over HTTP on loopback.
/// <see cref="Publish"/> adds a key to the JWKS (rotation).
/// </summary>
public sealed class TestJwtIssuer : IAsyncDisposable
{
    public const string Issuer = "https://idp.test";
    private readonly WebApplication _app;
    private readonly List<RsaSecurityKey> _published = [];
    private readonly RsaSecurityKey _current;

    private TestJwtIssuer(WebApplication app, Uri jwksUrl, RsaSecurityKey first)
    {
        _app = app;
        JwksUrl = jwksUrl;
        _current = first;
        _published.Add(first);
    }

    public Uri JwksUrl { get; }

    public int JwksRequests { get; private set; }

    public static async Task<TestJwtIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var port = FreePort.Next();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new TestJwtIssuer(app, new Uri($"http://127.0.0.1:{port}/jwks"), NewKey());
        app.MapGet("/jwks", () =>
        {
            issuer.JwksRequests++;
            return Results.Text(issuer.JwksJson(), "application/json");
        });
        await app.StartAsync();
        return issuer;
    }

    /// <summary>A key the JWKS does not publish (for "unknown signing key" tests) until <see cref="Publish"/>.</summary>
    public static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    public void Publish(RsaSecurityKey key) => _published.Add(key);

    /// <summary>A signed token; <paramref name="sub"/> null leaves the <c>sub</c> claim out, <paramref name="issuer"/> overrides <c>iss</c>.</summary>
    public string CreateToken(string? sub, string audience = "agentgateway", TimeSpan? lifetime = null, RsaSecurityKey? key = null,
        IDictionary<string, object>? claims = null, DateTime? notBefore = null, string issuer = Issuer)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = sub is null ? null : new ClaimsIdentity([new Claim("sub", sub)]),
            NotBefore = notBefore ?? now.AddMinutes(-5),
            IssuedAt = notBefore ?? now.AddMinutes(-5),
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(10)),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? _current, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public string JwksJson() => JsonSerializer.Serialize(new
    {
        keys = _published.Select(k =>
        {
            var p = k.Rsa.ExportParameters(false);
            return new { kty = "RSA", use = "sig", alg = "RS256", kid = k.KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) };
        }),
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
