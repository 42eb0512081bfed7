using System.Globalization;
using AgentGateway.Mcp.Upstream;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// Merges the targets' cached lists into one answer. A list request gets the whole merged list at once; only a list
/// longer than <see cref="MaxPageItems"/> is paged, and a client's cursor (<see cref="CompositeCursor"/>: target index
/// and the offset of the next item in that target's list) continues where the previous page ended. Down or failing
/// targets are skipped, never fatal.
/// </summary>
internal static class FederatedPager
{
    /// <summary>Items per answer before the merged list is paged (a bound on one response, not a normal case).</summary>
    public const int MaxPageItems = 1000;

    /// <summary>One page: items renamed and filtered by ownership, and the cursor of the next page (null: the end).</summary>
    public readonly record struct Page<T>(IReadOnlyList<T> Items, string? NextCursor);

    /// <param name="listOf">A target's list (usually already cached); null when the target is down.</param>
    /// <param name="keep">Whether an item is served (false: another target owns its name).</param>
    /// <param name="listed">Receives what each item of the page is, in order (for the authorization filter).</param>
    public static async ValueTask<Page<T>> ListAsync<T>(TargetSet targets, string? cursor, string method, string backend, ILogger logger,
        Func<TargetConnection, Task<TargetList<T>>?> listOf, Func<ListedItem, bool> keep, List<ListedItem> listed, CancellationToken cancellationToken)
    {
        var (start, offset) = Decode(cursor, targets.Connections.Count);
        var count = targets.Connections.Count;

        // Every target's list is asked for first, so a cold cache loads the targets in parallel, not one after another.
        var lists = new Task<TargetList<T>>?[count - start];
        for (var i = start; i < count; i++)
        {
            lists[i - start] = listOf(targets.Connections[i]);
        }

        var items = new List<T>();
        for (var i = start; i < count; i++, offset = 0)
        {
            if (await AwaitAsync(lists[i - start], targets.Connections[i].Name, method, backend, logger, cancellationToken) is not { } list)
            {
                continue;
            }

            for (var j = offset; j < list.Items.Length; j++)
            {
                if (!keep(list.Listed[j]))
                {
                    continue;
                }

                if (items.Count == MaxPageItems)
                {
                    return new Page<T>(items, new CompositeCursor(i, j.ToString(CultureInfo.InvariantCulture)).Encode());
                }

                items.Add(list.Items[j]);
                listed.Add(list.Listed[j]);
            }
        }

        return new Page<T>(items, null);
    }

    private static (int Start, int Offset) Decode(string? cursor, int targetCount)
    {
        var offset = 0;
        if (!CompositeCursor.TryDecode(cursor, out var position) || position.TargetIndex < 0 || position.TargetIndex > targetCount
            || (position.UpstreamCursor is { } text && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
        {
            throw new McpProtocolException("Invalid cursor", McpErrorCode.InvalidParams);
        }

        return (position.TargetIndex, offset);
    }

    private static async ValueTask<TargetList<T>?> AwaitAsync<T>(Task<TargetList<T>>? load, string target, string method, string backend, ILogger logger,
        CancellationToken cancellationToken)
    {
        if (load is null)
        {
            return null;
        }

        if (load.IsCompletedSuccessfully)
        {
            return load.Result; // the usual case: served from the cache without a state machine switch
        }

        try
        {
            return await load.WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A failing target drops out of this list; the others are still served.
            Log.TargetListFailed(logger, backend, target, method, ex.Message);
            return null;
        }
    }
}
