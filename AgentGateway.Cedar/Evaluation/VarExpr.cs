namespace AgentGateway.Cedar.Evaluation;

/// <summary><c>principal</c>, <c>action</c>, <c>resource</c> or <c>context</c>.</summary>
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
