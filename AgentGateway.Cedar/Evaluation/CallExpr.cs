namespace AgentGateway.Cedar.Evaluation;

/// <summary>A call of an extension function or method (<c>ip(..)</c>, <c>.isInRange(..)</c>, <c>.offset(..)</c>, …).</summary>
internal sealed class CallExpr(string function, Expr[] args) : Expr
{
    public string Function { get; } = function;

    public Expr[] Args { get; } = args;

    public override CedarValue Eval(EvalEnv env)
    {
        var values = new CedarValue[Args.Length];
        for (var i = 0; i < Args.Length; i++)
        {
            values[i] = Args[i].Eval(env);
        }

        return CedarExtensions.Call(Function, values);
    }
}
