using System.Security.Claims;

namespace AgentGateway.Security;

/// <summary>How an authenticated caller is represented on <c>HttpContext.User</c>, and mapped to a Cedar principal.</summary>
public static class GatewayClaims
{
    /// <summary>Authentication type of JWT principals.</summary>
    public const string Jwt = "jwt";

    /// <summary>Authentication type of API-key principals.</summary>
    public const string ApiKey = "apiKey";

    /// <summary>Authentication type of basic-auth principals.</summary>
    public const string Basic = "basic";

    /// <summary>Claim holding the principal id (JWT sub, user name or key name).</summary>
    public const string PrincipalId = "agw:principal";

    /// <summary>Builds an authenticated principal; <paramref name="id"/> becomes <c>Identity.Name</c>.</summary>
    public static ClaimsPrincipal Create(string authenticationType, string id, IEnumerable<Claim> claims)
    {
        var identity = new ClaimsIdentity(claims, authenticationType, PrincipalId, "roles");
        identity.AddClaim(new Claim(PrincipalId, id));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The Cedar principal type and id: <c>User::"sub"</c>, <c>ApiKey::"name"</c> or <c>Anonymous::""</c>.</summary>
    public static (string Type, string Id) CedarPrincipal(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true } identity
            ? (identity.AuthenticationType == ApiKey ? "ApiKey" : "User", user.FindFirst(PrincipalId)?.Value ?? identity.Name ?? "")
            : ("Anonymous", "");
}
