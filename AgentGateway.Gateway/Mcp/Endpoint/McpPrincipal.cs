using System.Security.Claims;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>The principal a session is bound to: the <c>sub</c> claim, else the identity name, else empty (anonymous).</summary>
internal static class McpPrincipal
{
    public static string Of(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } identity)
        {
            return "";
        }

        return user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? identity.Name ?? "";
    }
}
