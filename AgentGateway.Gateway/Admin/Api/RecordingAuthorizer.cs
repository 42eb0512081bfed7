using System.Security.Claims;
using AgentGateway.Routing;
using AgentGateway.Security;

namespace AgentGateway.Admin.Api;

/// <summary>
/// Decorates the gateway's authorizer (registered only while the admin API is on): every decision a Cedar policy
/// made goes to the <see cref="DecisionLog"/>. Requests no policy applies to are not recorded.
/// </summary>
internal sealed class RecordingAuthorizer(IRequestAuthorizer inner, DecisionLog log, TimeProvider time) : IRequestAuthorizer
{
    private static readonly string[] GroupClaims = ["groups", "roles", "role", "group"];

    public async ValueTask<AuthorizationResult> AuthorizeAsync(HttpContext http, AuthorizationRequest request, CancellationToken cancellationToken)
    {
        var result = await inner.AuthorizeAsync(http, request, cancellationToken);
        if (!ReferenceEquals(result, AuthorizationResult.NoPolicy) && http.Features.Get<GatewayRoute>() is { } route)
        {
            var (type, id) = GatewayClaims.CedarPrincipal(http.User);
            log.Add(new DecisionRecord(
                0,
                time.GetUtcNow(),
                route.Name,
                [.. route.Config.Policies.Where(p => route.Snapshot.Policies.GetValueOrDefault(p)?.Authorization is not null)],
                type,
                id,
                Groups(http.User),
                request.Action,
                request.ResourceType,
                request.ResourceId,
                // Scalar names only (tool, target, method, path): the resource's identity, never a payload.
                request.ResourceAttributes.Where(static a => a.Value is string).ToDictionary(static a => a.Key, static a => (string)a.Value!, StringComparer.Ordinal),
                result.Allowed ? "Allow" : "Deny",
                result.Policies,
                result.Errors));
        }

        return result;
    }

    private static string[] Groups(ClaimsPrincipal user) =>
        [.. user.Claims.Where(static c => GroupClaims.Contains(c.Type))
            .SelectMany(static c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)];
}
