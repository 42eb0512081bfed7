namespace AgentGateway.Cedar.Evaluation;

/// <summary>Short-circuiting disjunction; a non-boolean operand is a type error.</summary>
internal sealed class OrExpr(Expr left, Expr right) : Expr
{
    public Expr Left { get; } = left;

    public Expr Right { get; } = right;

    public override CedarValue Eval(EvalEnv env) =>
        CedarOps.AsBool(Left.Eval(env)) ? CedarBool.True : CedarBool.Of(CedarOps.AsBool(Right.Eval(env)));
}
