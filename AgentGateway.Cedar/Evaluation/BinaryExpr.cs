namespace AgentGateway.Cedar.Evaluation;

/// <summary>Operators with two evaluated operands (both are evaluated, left first, before the operator applies).</summary>
internal sealed class BinaryExpr(BinaryOp op, Expr left, Expr right) : Expr
{
    public Expr Left { get; } = left;

    public Expr Right { get; } = right;

    public BinaryOp Op { get; } = op;

    public override CedarValue Eval(EvalEnv env)
    {
        var a = Left.Eval(env);
        var b = Right.Eval(env);
        return Op switch
        {
            BinaryOp.Eq => CedarBool.Of(a.Equals(b)),
            BinaryOp.NotEq => CedarBool.Of(!a.Equals(b)),
            BinaryOp.Less => CedarBool.Of(CedarOps.Compare(a, b) < 0),
            BinaryOp.LessEq => CedarBool.Of(CedarOps.Compare(a, b) <= 0),
            BinaryOp.Greater => CedarBool.Of(CedarOps.Compare(a, b) > 0),
            BinaryOp.GreaterEq => CedarBool.Of(CedarOps.Compare(a, b) >= 0),
            BinaryOp.Add => CedarOps.Arith(Op, a, b),
            BinaryOp.Sub => CedarOps.Arith(Op, a, b),
            BinaryOp.Mul => CedarOps.Arith(Op, a, b),
            BinaryOp.In => CedarBool.Of(CedarOps.In(env, a, b)),
            BinaryOp.Contains => CedarBool.Of(CedarOps.AsSet(a).Contains(b)),
            BinaryOp.ContainsAll => CedarBool.Of(CedarOps.AsSet(b).IsSubsetOf(CedarOps.AsSet(a))),
            BinaryOp.ContainsAny => CedarBool.Of(CedarOps.ContainsAny(CedarOps.AsSet(a), CedarOps.AsSet(b))),
            BinaryOp.GetTag => CedarOps.GetTag(env, a, b),
            _ => CedarOps.HasTag(env, a, b),
        };
    }
}
