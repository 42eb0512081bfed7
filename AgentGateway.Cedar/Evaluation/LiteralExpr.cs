namespace AgentGateway.Cedar.Evaluation;

/// <summary>A constant (also used for literal sets and records folded at parse time).</summary>
internal sealed class LiteralExpr(CedarValue value) : Expr
{
    public CedarValue Value { get; } = value;

    public override CedarValue Eval(EvalEnv env) => Value;
}
