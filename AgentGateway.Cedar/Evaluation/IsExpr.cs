namespace AgentGateway.Cedar.Evaluation;

/// <summary><c>e is Type</c>: an entity type test.</summary>
internal sealed class IsExpr(Expr target, string entityType) : Expr
{
    public Expr Target { get; } = target;

    public string EntityType { get; } = entityType;

    public override CedarValue Eval(EvalEnv env) =>
        CedarBool.Of(string.Equals(CedarOps.AsEntity(Target.Eval(env)).EntityType, EntityType, StringComparison.Ordinal));
}
