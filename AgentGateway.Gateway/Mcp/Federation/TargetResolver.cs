using AgentGateway.Mcp.Upstream;
using ModelContextProtocol;

namespace AgentGateway.Mcp.Federation;

/// <summary>Finds the target and upstream name behind an exposed tool/prompt name or resource URI.</summary>
internal static class TargetResolver
{
    /// <summary>Resolves a name; <paramref name="refresh"/> re-lists every target when an unprefixed name is unknown.</summary>
    public static async ValueTask<(TargetConnection Target, string Name)> ResolveNameAsync(TargetSet targets, string exposed, string kind,
        NameOwners owners, Func<CancellationToken, ValueTask> refresh, CancellationToken cancellationToken)
    {
        if (targets.Prefixed)
        {
            return FederatedNames.TrySplitName(exposed, targets.Names, out var target, out var name)
                ? (targets.Find(target)!, name)
                : throw UpstreamErrors.UnknownTarget(kind, exposed);
        }

        if (targets.Connections.Count == 1)
        {
            return (targets.Connections[0], exposed);
        }

        if (owners.OwnerOf(exposed) is null)
        {
            await refresh(cancellationToken);
        }

        return owners.OwnerOf(exposed) is { } owner && targets.Find(owner) is { } connection
            ? (connection, exposed)
            : throw UpstreamErrors.UnknownTarget(kind, exposed);
    }

    /// <summary>Resolves a resource URI; unprefixed URIs of several targets go to their owner, or are tried in order.</summary>
    public static IReadOnlyList<(TargetConnection Target, string Uri)> ResolveUri(TargetSet targets, string exposed, NameOwners owners)
    {
        if (targets.Prefixed)
        {
            return FederatedNames.TrySplitUri(exposed, targets.Names, out var target, out var uri)
                ? [(targets.Find(target)!, uri)]
                : [];
        }

        if (owners.OwnerOf(exposed) is { } owner && targets.Find(owner) is { } connection)
        {
            return [(connection, exposed)];
        }

        return [.. targets.Connections.Select(c => (c, exposed))];
    }
}
