namespace AgentGateway.Llm.VirtualModels;

/// <summary>The first target in config order that is not ejected.</summary>
internal sealed class FailoverSelector : ITargetSelector
{
    public VirtualTarget Choose(IReadOnlyList<VirtualTarget> pool, long now) => pool[0];
}
