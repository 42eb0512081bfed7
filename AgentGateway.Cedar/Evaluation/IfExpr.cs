namespace AgentGateway.Cedar.Evaluation;

/// <summary><c>if c then a else b</c>: only the chosen branch is evaluated.</summary>
internal sealed class IfExpr(Expr test, Expr then, Expr otherwise) : Expr
{
    public Expr Test { get; } = test;

    public Expr Then { get; } = then;

    public Expr Otherwise { get; } = otherwise;

    public override CedarValue Eval(EvalEnv env) =>
        CedarOps.AsBool(Test.Eval(env)) ? Then.Eval(env) : Otherwise.Eval(env);
}
