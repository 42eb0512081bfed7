namespace AgentGateway.Cedar.Evaluation;

/// <summary>Short-circuiting conjunction; a non-boolean operand is a type error.</summary>
internal sealed class AndExpr(Expr left, Expr right) : Expr
{
    public Expr Left { get; } = left;

    public Expr Right { get; } = right;

    public override CedarValue Eval(EvalEnv env) =>
        CedarOps.AsBool(Left.Eval(env)) ? CedarBool.Of(CedarOps.AsBool(Right.Eval(env))) : CedarBool.False;
}
