namespace AgentGateway.Cedar.Evaluation;

/// <summary>What an expression can see while it is evaluated: the request and the entity store.</summary>
internal sealed class EvalEnv(CedarRequest request, CedarEntities entities)
{
    public CedarRequest Request { get; } = request;

    public CedarEntities Entities { get; } = entities;
}
