using System.Text.Json.Nodes;
using AgentGateway.Mcp.Upstream;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// One merged list of a federated server (tools, prompts, resources or resource templates): each target's items
/// renamed to their exposed names, names another target already owns left out, and pages stitched across targets
/// by <see cref="FederatedPager"/>. What differs between the four lists is given as delegates; the skeleton is here once.
/// Authorization is not: the authorization request filter drops what the caller may not see, from <see cref="FederatedRequest.Listed"/>.
/// </summary>
internal sealed class FederatedList<TItem>(
    string method,
    Func<IUpstreamTarget, bool> offers,
    Func<IUpstreamTarget, string?, JsonObject?, CancellationToken, ValueTask<(IList<TItem> Items, string? NextCursor)>> fetch,
    Func<TItem, string> nameOf,
    Action<TItem, string> rename,
    Func<string, string, bool, string> expose,
    Func<string, string, TargetSet, bool>? claim,
    string backend,
    ILogger logger)
{
    /// <summary>One page of the merged list; each kept item is recorded in <paramref name="request"/>.</summary>
    public async ValueTask<FederatedPager.Page<TItem>> ListAsync(FederatedRequest request, TargetSet targets, string? cursor, JsonObject? meta,
        CancellationToken cancellationToken)
    {
        request.Listed.Clear();
        return await FederatedPager.ListAsync<TItem>(targets, cursor, method, backend, logger, async (connection, target, upstreamCursor, token) =>
        {
            request.Listed.Clear(); // only the page returned is described
            if (!offers(target))
            {
                return default;
            }

            var (items, next) = await fetch(target, upstreamCursor, meta, token);
            var kept = new List<TItem>(items.Count);
            foreach (var item in items)
            {
                var upstreamName = nameOf(item);
                var exposed = expose(connection.Name, upstreamName, targets.Prefixed);
                if (claim is null || claim(exposed, connection.Name, targets))
                {
                    rename(item, exposed); // everything else (schemas, annotations, _meta) passes through untouched
                    kept.Add(item);
                    request.Listed.Add(new ListedItem(exposed, connection.Name, upstreamName));
                }
            }

            return new FederatedPager.Page<TItem>(kept, next);
        }, cancellationToken);
    }

    /// <summary>Lists every page of every connected target to learn who owns which unprefixed name.</summary>
    public async ValueTask ClaimAllAsync(TargetSet targets, CancellationToken cancellationToken)
    {
        foreach (var connection in targets.Connections)
        {
            if (connection.Current is not { } target || !offers(target))
            {
                continue;
            }

            string? cursor = null;
            do
            {
                var (items, next) = await fetch(target, cursor, null, cancellationToken);
                foreach (var item in items)
                {
                    claim?.Invoke(nameOf(item), connection.Name, targets);
                }

                cursor = next;
            }
            while (cursor is not null);
        }
    }
}
