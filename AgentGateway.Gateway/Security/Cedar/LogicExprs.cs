namespace AgentGateway.Security.Cedar;

// Boolean connectives and if-then-else: short-circuiting, and a non-boolean operand is a type error.

internal sealed class AndExpr(Expr left, Expr right) : Expr
{
    public Expr Left { get; } = left;

    public Expr Right { get; } = right;

    public override CedarValue Eval(EvalEnv env) =>
        CedarOps.AsBool(Left.Eval(env)) ? CedarBool.Of(CedarOps.AsBool(Right.Eval(env))) : CedarBool.False;
}

internal sealed class OrExpr(Expr left, Expr right) : Expr
{
    public Expr Left { get; } = left;

    public Expr Right { get; } = right;

    public override CedarValue Eval(EvalEnv env) =>
        CedarOps.AsBool(Left.Eval(env)) ? CedarBool.True : CedarBool.Of(CedarOps.AsBool(Right.Eval(env)));
}

internal sealed class NotExpr(Expr operand) : Expr
{
    public Expr Operand { get; } = operand;

    public override CedarValue Eval(EvalEnv env) => CedarBool.Of(!CedarOps.AsBool(Operand.Eval(env)));
}

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

internal sealed class IfExpr(Expr test, Expr then, Expr otherwise) : Expr
{
    public Expr Test { get; } = test;

    public Expr Then { get; } = then;

    public Expr Otherwise { get; } = otherwise;

    public override CedarValue Eval(EvalEnv env) =>
        CedarOps.AsBool(Test.Eval(env)) ? Then.Eval(env) : Otherwise.Eval(env);
}
