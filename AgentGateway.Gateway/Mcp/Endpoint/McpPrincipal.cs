using System.Security.Claims;
using AgentGateway.Security;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>
/// The owner a session is bound to: authentication kind, issuer and principal id (<see cref="GatewayClaims.SessionOwner"/>),
/// empty for anonymous. A <c>sub</c> alone is not enough: the same <c>sub</c> from another issuer, or an API key named
/// like a user, must not take over the session.
/// </summary>
internal static class McpPrincipal
{
    public static string Of(ClaimsPrincipal? user) => GatewayClaims.SessionOwner(user);
}
