using System.Security.Claims;
using AgentGateway.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AgentGateway.Security;

/// <summary>Validates bearer JWTs (signature from JWKS, issuer, audience, lifetime with clock skew).</summary>
internal sealed class JwtAuthenticator(JwksKeySource keys, IGatewayConfigProvider config, Routing.GatewayRuntimeProvider runtimes)
{

    public async Task<AuthenticationOutcome> AuthenticateAsync(string token, JwtConfig jwt, CancellationToken ct)
    {
        var result = await ValidateAsync(token, jwt, refresh: false, ct);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The issuer may have rotated keys since we cached its JWKS: refetch once and retry.
            result = await ValidateAsync(token, jwt, refresh: true, ct);
        }

        if (!result.IsValid)
        {
            return AuthenticationOutcome.Failure(Describe(result.Exception));
        }

        // The id comes from one configured claim, never from a fallback a user may be able to change (a display
        // name, preferred_username): a token without exactly one non-empty value of it is not a principal.
        var claims = result.ClaimsIdentity.Claims.ToList();
        var ids = claims.Where(c => string.Equals(c.Type, jwt.PrincipalClaim, StringComparison.Ordinal)).Select(c => c.Value).ToList();
        if (ids is not [{ Length: > 0 } id])
        {
            return AuthenticationOutcome.Failure($"the token has no single '{jwt.PrincipalClaim}' claim to identify its principal");
        }

        var issuer = claims.FirstOrDefault(c => c.Type == "iss")?.Value ?? jwt.Issuer ?? "jwks:" + (jwt.Jwks.Url ?? jwt.Jwks.File ?? "inline");
        return AuthenticationOutcome.Success(GatewayClaims.Create(GatewayClaims.Jwt, id, claims, issuer));
    }

    private async Task<TokenValidationResult> ValidateAsync(string token, JwtConfig jwt, bool refresh, CancellationToken ct)
    {
        var signingKeys = await keys.GetKeysAsync(jwt.Jwks, config.BaseDirectory, refresh, ct);
        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = jwt.Issuer is not null,
            ValidIssuer = jwt.Issuer,
            ValidateAudience = jwt.Audiences.Count > 0,
            ValidAudiences = jwt.Audiences,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = runtimes.Current.Part<JwtClockSkews>()?.For(jwt) ?? JwtClockSkews.Parse(jwt),
            IssuerSigningKeys = signingKeys,
            TryAllIssuerSigningKeys = true,
            ValidateIssuerSigningKey = true,
        };
        return await Handler.Instance.ValidateTokenAsync(token, parameters);
    }

    private static string Describe(Exception? ex) => ex switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidAudienceException => "the token is not for this audience",
        SecurityTokenInvalidIssuerException => "the token is from an unexpected issuer",
        SecurityTokenSignatureKeyNotFoundException => "the token is signed with an unknown key",
        SecurityTokenInvalidSignatureException => "the token signature is invalid",
        SecurityTokenNoExpirationException => "the token has no expiry",
        SecurityTokenMalformedException or ArgumentException => "the token is malformed",
        _ => "the token is invalid",
    };

    /// <summary>
    /// One handler for the process (it keeps no per-validation state), created on the first JWT to validate: the
    /// IdentityModel assemblies are not loaded by a gateway without JWT routes (bench/README.md, memory).
    /// </summary>
    private static class Handler
    {
        public static readonly JsonWebTokenHandler Instance = new() { MapInboundClaims = false, MaximumTokenSizeInBytes = 64 * 1024 };
    }
}
