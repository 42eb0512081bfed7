namespace AgentGateway.Llm.VirtualModels;

/// <summary>
/// Smooth weighted round-robin: every pick adds each target's weight to its running weight, takes the largest and
/// subtracts the total. Deterministic, so any window of (sum of weights) picks matches the weights exactly, and the
/// picks of one target are spread out instead of bunched.
/// </summary>
internal sealed class WeightedSelector : ITargetSelector
{
    private readonly Lock _lock = new();

    public VirtualTarget Choose(IReadOnlyList<VirtualTarget> pool, long now)
    {
        lock (_lock)
        {
            long total = 0;
            VirtualTarget? best = null;
            foreach (var target in pool)
            {
                target.CurrentWeight += target.Weight;
                total += target.Weight;
                if (best is null || target.CurrentWeight > best.CurrentWeight)
                {
                    best = target;
                }
            }

            best!.CurrentWeight -= total;
            return best;
        }
    }
}
