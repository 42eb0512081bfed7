namespace AgentGateway.Cedar.Evaluation;

/// <summary>Boolean negation.</summary>
internal sealed class NotExpr(Expr operand) : Expr
{
    public Expr Operand { get; } = operand;

    public override CedarValue Eval(EvalEnv env) => CedarBool.Of(!CedarOps.AsBool(Operand.Eval(env)));
}
