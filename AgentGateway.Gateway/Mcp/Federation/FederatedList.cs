using System.Text.Json.Nodes;
using AgentGateway.Mcp.Upstream;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// One merged list of a federated server (tools, prompts, resources or resource templates). Each target's complete
/// list is fetched once into its connection's cache (<see cref="UpstreamListCache"/>) with the items already renamed
/// to their exposed names (<see cref="TargetList{TItem}"/>); a request merges the cached lists, leaving out names
/// another target owns (<see cref="FederatedPager"/>). What differs between the four lists is given as delegates; the
/// skeleton is here once. Authorization is not: the authorization filter around the handlers drops what the caller may not see,
/// per request, from <see cref="FederatedRequest.Listed"/>.
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
    /// <summary>Upstream pages followed per list at most (a target whose cursors never end must not loop forever).</summary>
    private const int MaxUpstreamPages = 100;

    /// <summary>The merged list (one page of it when huge or when the client sent a cursor); each item is recorded in <paramref name="request"/>.</summary>
    public async ValueTask<FederatedPager.Page<TItem>> ListAsync(FederatedRequest request, TargetSet targets, string? cursor, CancellationToken cancellationToken)
    {
        request.Listed.Clear();
        return await FederatedPager.ListAsync(targets, cursor, method, backend, logger, c => CachedAsync(c, targets.Prefixed),
            item => claim is null || claim(item.Exposed, item.Target, targets), request.Listed, cancellationToken);
    }

    /// <summary>Learns who owns which unprefixed name from every connected target's (cached) list.</summary>
    public async ValueTask ClaimAllAsync(TargetSet targets, CancellationToken cancellationToken)
    {
        foreach (var connection in targets.Connections)
        {
            if (claim is null || CachedAsync(connection, targets.Prefixed) is not { } load)
            {
                continue;
            }

            foreach (var item in (await load.WaitAsync(cancellationToken)).Listed)
            {
                claim(item.Exposed, connection.Name, targets);
            }
        }
    }

    private Task<TargetList<TItem>>? CachedAsync(TargetConnection connection, bool prefixed)
    {
        if (connection.Current is not { } target)
        {
            return null;
        }

        connection.CheckAlive(); // a cached list does not reach the target: a dead one must still drop out
        return connection.Lists.GetAsync(method, target, (t, ct) => LoadAsync(connection.Name, t, prefixed, ct));
    }

    /// <summary>
    /// Every page of one target's list, renamed once. The cached list is shared by all callers, so the target is asked
    /// with the gateway's trace context only, not one client's <c>_meta</c>.
    /// </summary>
    private async Task<TargetList<TItem>> LoadAsync(string targetName, IUpstreamTarget target, bool prefixed, CancellationToken cancellationToken)
    {
        if (!offers(target))
        {
            return TargetList<TItem>.Empty;
        }

        var items = new List<TItem>();
        var listed = new List<ListedItem>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var (page, next) = await fetch(target, cursor, UpstreamMeta.From(null), cancellationToken);
            foreach (var item in page)
            {
                var upstreamName = nameOf(item);
                var exposed = expose(targetName, upstreamName, prefixed);
                rename(item, exposed); // everything else (schemas, annotations, _meta) passes through untouched
                items.Add(item);
                listed.Add(new ListedItem(exposed, targetName, upstreamName));
            }

            cursor = next is { Length: > 0 } && next != cursor ? next : null;
        }
        while (cursor is not null && ++pages < MaxUpstreamPages);

        return new TargetList<TItem>([.. items], [.. listed]);
    }
}
