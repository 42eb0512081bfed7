using AgentGateway.Hosting;
using Microsoft.AspNetCore.Routing.Matching;

namespace AgentGateway.Admin;

/// <summary>Endpoint metadata: the endpoint answers only on the admin listener's own socket.</summary>
internal sealed class AdminOnlyMetadata
{
    public static readonly AdminOnlyMetadata Instance = new();
}

/// <summary>
/// Drops admin endpoints from the candidates of any request that did not arrive on the admin socket, so on
/// a public listener <c>/config</c> is just a path like any other (it reaches the routes, or 404). Deciding in
/// the matcher, by connection, replaces host matching: a Host header is whatever the client chose to send.
/// </summary>
internal sealed class AdminOnlyMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    // Before the host and method policies, so no other policy ever sees an admin endpoint on a public socket.
    public override int Order => -1000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<AdminOnlyMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        if (AdminListener.IsAdminRequest(httpContext))
        {
            return Task.CompletedTask;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Endpoint.Metadata.GetMetadata<AdminOnlyMetadata>() is not null)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
