using System.Security.Claims;
using System.Text.Json;

namespace AgentGateway.Security;

/// <summary>
/// How an authenticated caller is represented on <c>HttpContext.User</c>, and mapped to a Cedar principal and to
/// the owner of an MCP session. The gateway's own claims live in the <c>agw:</c> namespace; claims of that
/// namespace arriving in a token are dropped, so a token cannot name its own principal.
/// </summary>
public static class GatewayClaims
{
    /// <summary>Authentication type of JWT principals.</summary>
    public const string Jwt = "jwt";

    /// <summary>Authentication type of API-key principals.</summary>
    public const string ApiKey = "apiKey";

    /// <summary>Authentication type of basic-auth principals.</summary>
    public const string Basic = "basic";

    /// <summary>The prefix of the gateway's own claim types (compared case-insensitively, as claim lookups are).</summary>
    public const string Namespace = "agw:";

    /// <summary>Claim holding the principal id (the JWT's principal claim, the user name or the key name).</summary>
    public const string PrincipalId = "agw:principal";

    /// <summary>Claim holding the issuer a JWT principal's id is scoped to (empty for API keys and basic users).</summary>
    public const string PrincipalIssuer = "agw:issuer";

    /// <summary>
    /// Builds an authenticated principal; <paramref name="id"/> becomes <c>Identity.Name</c>. Incoming claims of the
    /// gateway's namespace are dropped, and so is <see cref="ClaimTypes.NameIdentifier"/>: the gateway sets it to the
    /// session owner (<see cref="SessionOwner"/>), the id the MCP SDK binds a session to.
    /// </summary>
    public static ClaimsPrincipal Create(string authenticationType, string id, IEnumerable<Claim> claims, string issuer = "")
    {
        var identity = new ClaimsIdentity(authenticationType, PrincipalId, "roles");
        identity.AddClaim(new Claim(PrincipalId, id));
        identity.AddClaim(new Claim(PrincipalIssuer, issuer));
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, OwnerKey(authenticationType, issuer, id)));
        identity.AddClaims(claims.Where(c => !IsReserved(c.Type)));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Whether a claim type is the gateway's to set, never a token's.</summary>
    public static bool IsReserved(string claimType) =>
        claimType.StartsWith(Namespace, StringComparison.OrdinalIgnoreCase)
        || string.Equals(claimType, ClaimTypes.NameIdentifier, StringComparison.OrdinalIgnoreCase);

    /// <summary>The Cedar principal type and id: <c>User::"sub"</c>, <c>ApiKey::"name"</c> or <c>Anonymous::""</c>.</summary>
    public static (string Type, string Id) CedarPrincipal(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true } identity
            ? (identity.AuthenticationType == ApiKey ? "ApiKey" : "User", user.FindFirst(PrincipalId)?.Value ?? identity.Name ?? "")
            : ("Anonymous", "");

    /// <summary>
    /// Who owns an MCP session: the authentication kind, the issuer and the id — so an API key and a user of the same
    /// name, or the same <c>sub</c> from two issuers, are different owners. Empty for anonymous callers.
    /// </summary>
    public static string SessionOwner(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } identity)
        {
            return "";
        }

        if (user.FindFirst(PrincipalId) is { } id)
        {
            return OwnerKey(identity.AuthenticationType ?? "", user.FindFirst(PrincipalIssuer)?.Value ?? "", id.Value);
        }

        // A principal the gateway did not build (an ASP.NET authentication handler in front of it).
        var subject = user.FindFirst("sub") ?? user.FindFirst(ClaimTypes.NameIdentifier);
        return OwnerKey(identity.AuthenticationType ?? "", subject?.Issuer ?? "", subject?.Value ?? identity.Name ?? "");
    }

    // A JSON array: unambiguous whatever characters the parts contain.
    private static string OwnerKey(string kind, string issuer, string id) => JsonSerializer.Serialize(new[] { kind, issuer, id });
}
