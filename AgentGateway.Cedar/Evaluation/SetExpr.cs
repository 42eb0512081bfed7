namespace AgentGateway.Cedar.Evaluation;

/// <summary>A set literal with non-constant members (constant ones are folded at parse time).</summary>
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
