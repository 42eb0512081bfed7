namespace AgentGateway.Llm.VirtualModels;

/// <summary>
/// The target with the fewest requests in flight through this gateway. Ties are broken by rotating the starting point,
/// so idle targets share sequential traffic instead of the first one taking all of it.
/// </summary>
internal sealed class LeastInflightSelector : ITargetSelector
{
    private int _next = -1;

    public VirtualTarget Choose(IReadOnlyList<VirtualTarget> pool, long now)
    {
        var start = (int)((uint)Interlocked.Increment(ref _next) % (uint)pool.Count);
        var best = pool[start];
        for (var i = 1; i < pool.Count; i++)
        {
            var candidate = pool[(start + i) % pool.Count];
            if (candidate.Inflight < best.Inflight)
            {
                best = candidate;
            }
        }

        return best;
    }
}
