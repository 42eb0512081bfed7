namespace AgentGateway.Cedar.Evaluation;

/// <summary><c>s like "pat*tern"</c>.</summary>
internal sealed class LikeExpr(Expr target, LikePattern pattern) : Expr
{
    public Expr Target { get; } = target;

    public LikePattern Pattern { get; } = pattern;

    public override CedarValue Eval(EvalEnv env) => CedarBool.Of(Pattern.Matches(CedarOps.AsString(Target.Eval(env))));
}
