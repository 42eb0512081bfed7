namespace AgentGateway.Llm.VirtualModels;

/// <summary>
/// The target with the lowest EWMA of time to first token. A target without a sample is tried first, and every
/// <see cref="ExploreEvery"/>th pick goes to the target measured longest ago, so a provider that was slow and has
/// recovered gets fresh samples and wins its traffic back.
/// </summary>
internal sealed class LeastLatencySelector : ITargetSelector
{
    /// <summary>One pick in ten explores: the cost of a slow provider is bounded to about a tenth of the traffic.</summary>
    public const int ExploreEvery = 10;

    private long _picks;

    public VirtualTarget Choose(IReadOnlyList<VirtualTarget> pool, long now)
    {
        VirtualTarget? fastest = null;
        VirtualTarget stalest = pool[0];
        double best = double.MaxValue;
        foreach (var target in pool)
        {
            if (target.LatencyMs is not { } latency)
            {
                return target;
            }

            if (latency < best)
            {
                (best, fastest) = (latency, target);
            }

            if (target.LastSample < stalest.LastSample)
            {
                stalest = target;
            }
        }

        return Interlocked.Increment(ref _picks) % ExploreEvery == 0 ? stalest : fastest!;
    }
}
