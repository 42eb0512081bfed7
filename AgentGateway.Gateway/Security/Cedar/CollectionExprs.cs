namespace AgentGateway.Security.Cedar;

// Set and record literals with non-constant members, and extension function calls.

internal sealed class SetExpr(Expr[] items) : Expr
{
    public Expr[] Items { get; } = items;

    public override CedarValue Eval(EvalEnv env)
    {
        var values = new CedarValue[Items.Length];
        for (var i = 0; i < Items.Length; i++)
        {
            values[i] = Items[i].Eval(env);
        }

        return new CedarSet(values);
    }
}

internal sealed class RecordExpr(string[] keys, Expr[] values) : Expr
{
    public string[] Keys { get; } = keys;

    public Expr[] Values { get; } = values;

    public override CedarValue Eval(EvalEnv env)
    {
        var attrs = new Dictionary<string, CedarValue>(Keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < Keys.Length; i++)
        {
            attrs[Keys[i]] = Values[i].Eval(env);
        }

        return new CedarRecord(attrs);
    }
}

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
