namespace AgentGateway.Security.Cedar;

// Attribute access and tests on records and entities.

internal sealed class GetAttrExpr(Expr target, string name) : Expr
{
    public Expr Target { get; } = target;

    public string Name { get; } = name;

    public override CedarValue Eval(EvalEnv env) => CedarOps.GetAttr(env, Target.Eval(env), Name);
}

internal sealed class HasAttrExpr(Expr target, string name) : Expr
{
    public Expr Target { get; } = target;

    public string Name { get; } = name;

    public override CedarValue Eval(EvalEnv env) => CedarBool.Of(CedarOps.HasAttr(env, Target.Eval(env), Name));
}

internal sealed class IsExpr(Expr target, string entityType) : Expr
{
    public Expr Target { get; } = target;

    public string EntityType { get; } = entityType;

    public override CedarValue Eval(EvalEnv env) =>
        CedarBool.Of(string.Equals(CedarOps.AsEntity(Target.Eval(env)).EntityType, EntityType, StringComparison.Ordinal));
}

internal sealed class LikeExpr(Expr target, LikePattern pattern) : Expr
{
    public Expr Target { get; } = target;

    public LikePattern Pattern { get; } = pattern;

    public override CedarValue Eval(EvalEnv env) => CedarBool.Of(Pattern.Matches(CedarOps.AsString(Target.Eval(env))));
}

internal sealed class IsEmptyExpr(Expr target) : Expr
{
    public Expr Target { get; } = target;

    public override CedarValue Eval(EvalEnv env) => CedarBool.Of(CedarOps.AsSet(Target.Eval(env)).Count == 0);
}
