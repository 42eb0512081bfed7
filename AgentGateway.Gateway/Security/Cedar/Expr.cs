namespace AgentGateway.Security.Cedar;

/// <summary>
/// A parsed expression node. Policies are parsed once into this tree and evaluated by virtual calls,
/// which keeps a decision allocation-light. Errors are thrown as <see cref="CedarEvaluationException"/>.
/// </summary>
internal abstract class Expr
{
    public abstract CedarValue Eval(EvalEnv env);
}

/// <summary>A constant (also used for literal sets and records folded at parse time).</summary>
internal sealed class LiteralExpr(CedarValue value) : Expr
{
    public CedarValue Value { get; } = value;

    public override CedarValue Eval(EvalEnv env) => Value;
}

internal enum CedarVar
{
    Principal,
    Action,
    Resource,
    Context,
}

internal sealed class VarExpr(CedarVar variable) : Expr
{
    public CedarVar Variable { get; } = variable;

    public override CedarValue Eval(EvalEnv env) => Variable switch
    {
        CedarVar.Principal => env.Request.Principal,
        CedarVar.Action => env.Request.Action,
        CedarVar.Resource => env.Request.Resource,
        _ => env.Request.Context,
    };
}
