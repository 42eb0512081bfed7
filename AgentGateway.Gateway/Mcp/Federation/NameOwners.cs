using System.Collections.Concurrent;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// Which target owns an unprefixed exposed name (prefix: never). The first target in config order to list a
/// name keeps it; a later target listing the same name is a collision and that entry is left out.
/// </summary>
internal sealed class NameOwners
{
    private readonly ConcurrentDictionary<string, string> _owners = new(StringComparer.Ordinal);

    /// <summary>Claims <paramref name="name"/> for <paramref name="target"/>; false when another target owns it.</summary>
    public bool TryClaim(string name, string target, IReadOnlyList<string> targetOrder)
    {
        var owner = _owners.GetOrAdd(name, target);
        if (owner == target)
        {
            return true;
        }

        // An earlier target in config order wins even if it was listed later (e.g. it reconnected).
        if (IndexOf(targetOrder, target) < IndexOf(targetOrder, owner) && _owners.TryUpdate(name, target, owner))
        {
            return true;
        }

        return false;
    }

    public string? OwnerOf(string name) => _owners.GetValueOrDefault(name);

    private static int IndexOf(IReadOnlyList<string> order, string target)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == target)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
