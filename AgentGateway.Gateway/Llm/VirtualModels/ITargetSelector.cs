namespace AgentGateway.Llm.VirtualModels;

/// <summary>A routing strategy: picks the target to try first among those not ejected (never an empty list).</summary>
internal interface ITargetSelector
{
    VirtualTarget Choose(IReadOnlyList<VirtualTarget> pool, long now);
}
