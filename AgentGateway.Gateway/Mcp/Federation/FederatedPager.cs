using AgentGateway.Mcp.Upstream;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// Pages a merged list across targets: a page holds (at most) one upstream page, and the composite cursor says
/// which target and upstream cursor come next. Down or failing targets are skipped, never fatal.
/// </summary>
internal static class FederatedPager
{
    /// <summary>One upstream page: items already renamed and filtered, and the target's next cursor.</summary>
    public readonly record struct Page<T>(IReadOnlyList<T> Items, string? NextCursor);

    public static async ValueTask<Page<T>> ListAsync<T>(TargetSet targets, string? cursor, string method, string backend, ILogger logger,
        Func<TargetConnection, IUpstreamTarget, string?, CancellationToken, ValueTask<Page<T>>> fetch, CancellationToken cancellationToken)
    {
        if (!CompositeCursor.TryDecode(cursor, out var position) || position.TargetIndex < 0 || position.TargetIndex > targets.Connections.Count)
        {
            throw new McpProtocolException("Invalid cursor", McpErrorCode.InvalidParams);
        }

        var index = position.TargetIndex;
        var upstreamCursor = position.UpstreamCursor;
        while (index < targets.Connections.Count)
        {
            var connection = targets.Connections[index];
            Page<T> page = default;
            if (connection.Current is { } target)
            {
                try
                {
                    page = await fetch(connection, target, upstreamCursor, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // A failing target drops out of this list; the others are still served.
                    Log.TargetListFailed(logger, backend, connection.Name, method, ex.Message);
                }
            }

            string? next = null;
            if (page.NextCursor is { Length: > 0 } upstreamNext)
            {
                next = new CompositeCursor(index, upstreamNext).Encode();
            }
            else if (index + 1 < targets.Connections.Count)
            {
                next = new CompositeCursor(index + 1, null).Encode();
            }

            if (page.Items is { Count: > 0 } || next is null)
            {
                return new Page<T>(page.Items ?? [], next);
            }

            (index, upstreamCursor) = page.NextCursor is { Length: > 0 } c ? (index, c) : (index + 1, null);
        }

        return new Page<T>([], null);
    }
}
