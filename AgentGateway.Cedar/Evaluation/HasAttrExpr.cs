namespace AgentGateway.Cedar.Evaluation;

/// <summary><c>e has name</c>: false (not an error) when an entity does not exist.</summary>
internal sealed class HasAttrExpr(Expr target, string name) : Expr
{
    public Expr Target { get; } = target;

    public string Name { get; } = name;

    public override CedarValue Eval(EvalEnv env) => CedarBool.Of(CedarOps.HasAttr(env, Target.Eval(env), Name));
}
