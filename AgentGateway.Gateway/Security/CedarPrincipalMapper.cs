using System.Security.Claims;
using AgentGateway.Cedar;

namespace AgentGateway.Security;

/// <summary>
/// Maps the caller to Cedar entities (DESIGN.md §6): <c>User::"sub"</c> with the token's claims as
/// attributes and a parent <c>Group::"g"</c> per value of the groups and roles claims;
/// <c>ApiKey::"name"</c>; or <c>Anonymous::""</c>.
/// </summary>
internal static class CedarPrincipalMapper
{
    private static readonly string[] GroupClaims = ["groups", "roles", "role", "group"];

    public static IEnumerable<CedarEntity> Entities(ClaimsPrincipal user, out EntityUid principal)
    {
        var (type, id) = GatewayClaims.CedarPrincipal(user);
        principal = new EntityUid(type, id);
        if (type == "Anonymous")
        {
            return [new CedarEntity(principal)];
        }

        var claims = user.Claims.Where(c => !GatewayClaims.IsReserved(c.Type)).ToList();
        var groups = claims.Where(c => GroupClaims.Contains(c.Type)).SelectMany(c => SplitValues(c.Value))
            .Distinct(StringComparer.Ordinal).Select(g => new EntityUid("Group", g)).ToList();
        var attributes = claims.GroupBy(c => c.Type, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.Count() == 1 && !GroupClaims.Contains(g.Key) ? (object?)g.First().Value : g.SelectMany(c => SplitValues(c.Value)).ToList(),
            StringComparer.Ordinal);
        return [new CedarEntity(principal, CedarValues.Record(attributes), groups), .. groups.Select(g => new CedarEntity(g))];
    }

    // JSON-array claims (["a","b"]) arrive as one claim per value; a space-separated "scope" style value is split too.
    private static string[] SplitValues(string value) =>
        value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
