namespace AgentGateway.Cedar.Evaluation;

/// <summary>Unary minus, with an overflow error for the minimum long.</summary>
internal sealed class NegExpr(Expr operand) : Expr
{
    public Expr Operand { get; } = operand;

    public override CedarValue Eval(EvalEnv env)
    {
        var v = CedarOps.AsLong(Operand.Eval(env));
        return v == long.MinValue
            ? throw new CedarEvaluationException($"integer overflow: -({v})")
            : CedarLong.Of(-v);
    }
}
