namespace AgentGateway.Cedar.Evaluation;

/// <summary><c>s.isEmpty()</c> on a set.</summary>
internal sealed class IsEmptyExpr(Expr target) : Expr
{
    public Expr Target { get; } = target;

    public override CedarValue Eval(EvalEnv env) => CedarBool.Of(CedarOps.AsSet(Target.Eval(env)).Count == 0);
}
