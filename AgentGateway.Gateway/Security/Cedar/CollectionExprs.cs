namespace AgentGateway.Security.Cedar;

// Set and record literals with non-constant members, and extension function calls.

internal sealed class SetExpr(Expr[] items) : Expr
{
    public override CedarValue Eval(EvalEnv env)
    {
        var values = new CedarValue[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            values[i] = items[i].Eval(env);
        }

        return new CedarSet(values);
    }
}

internal sealed class RecordExpr(string[] keys, Expr[] values) : Expr
{
    public override CedarValue Eval(EvalEnv env)
    {
        var attrs = new Dictionary<string, CedarValue>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            attrs[keys[i]] = values[i].Eval(env);
        }

        return new CedarRecord(attrs);
    }
}

internal sealed class CallExpr(string function, Expr[] args) : Expr
{
    public override CedarValue Eval(EvalEnv env)
    {
        var values = new CedarValue[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            values[i] = args[i].Eval(env);
        }

        return CedarExtensions.Call(function, values);
    }
}
