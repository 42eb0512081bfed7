namespace AgentGateway.Cedar.Evaluation;

/// <summary><c>e.name</c> / <c>e["name"]</c> on a record or an entity.</summary>
internal sealed class GetAttrExpr(Expr target, string name) : Expr
{
    public Expr Target { get; } = target;

    public string Name { get; } = name;

    public override CedarValue Eval(EvalEnv env) => CedarOps.GetAttr(env, Target.Eval(env), Name);
}
