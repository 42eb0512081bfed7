namespace AgentGateway.Security.Cedar;

// Boolean connectives and if-then-else: short-circuiting, and a non-boolean operand is a type error.

internal sealed class AndExpr(Expr left, Expr right) : Expr
{
    public override CedarValue Eval(EvalEnv env) =>
        CedarOps.AsBool(left.Eval(env)) ? CedarBool.Of(CedarOps.AsBool(right.Eval(env))) : CedarBool.False;
}

internal sealed class OrExpr(Expr left, Expr right) : Expr
{
    public override CedarValue Eval(EvalEnv env) =>
        CedarOps.AsBool(left.Eval(env)) ? CedarBool.True : CedarBool.Of(CedarOps.AsBool(right.Eval(env)));
}

internal sealed class NotExpr(Expr operand) : Expr
{
    public override CedarValue Eval(EvalEnv env) => CedarBool.Of(!CedarOps.AsBool(operand.Eval(env)));
}

internal sealed class NegExpr(Expr operand) : Expr
{
    public override CedarValue Eval(EvalEnv env)
    {
        var v = CedarOps.AsLong(operand.Eval(env));
        return v == long.MinValue
            ? throw new CedarEvaluationException($"integer overflow: -({v})")
            : CedarLong.Of(-v);
    }
}

internal sealed class IfExpr(Expr test, Expr then, Expr otherwise) : Expr
{
    public override CedarValue Eval(EvalEnv env) =>
        CedarOps.AsBool(test.Eval(env)) ? then.Eval(env) : otherwise.Eval(env);
}
