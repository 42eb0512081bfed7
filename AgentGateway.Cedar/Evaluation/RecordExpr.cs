namespace AgentGateway.Cedar.Evaluation;

/// <summary>A record literal with non-constant values (constant ones are folded at parse time).</summary>
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
