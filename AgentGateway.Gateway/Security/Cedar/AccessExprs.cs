namespace AgentGateway.Security.Cedar;

// Attribute access and tests on records and entities.

internal sealed class GetAttrExpr(Expr target, string name) : Expr
{
    public override CedarValue Eval(EvalEnv env) => CedarOps.GetAttr(env, target.Eval(env), name);
}

internal sealed class HasAttrExpr(Expr target, string name) : Expr
{
    public override CedarValue Eval(EvalEnv env) => CedarBool.Of(CedarOps.HasAttr(env, target.Eval(env), name));
}

internal sealed class IsExpr(Expr target, string entityType) : Expr
{
    public override CedarValue Eval(EvalEnv env) =>
        CedarBool.Of(string.Equals(CedarOps.AsEntity(target.Eval(env)).EntityType, entityType, StringComparison.Ordinal));
}

internal sealed class LikeExpr(Expr target, LikePattern pattern) : Expr
{
    public override CedarValue Eval(EvalEnv env) => CedarBool.Of(pattern.Matches(CedarOps.AsString(target.Eval(env))));
}

internal sealed class IsEmptyExpr(Expr target) : Expr
{
    public override CedarValue Eval(EvalEnv env) => CedarBool.Of(CedarOps.AsSet(target.Eval(env)).Count == 0);
}
