using AgentGateway.Security.Cedar;

namespace AgentGateway.Http;

/// <summary>
/// Finds <c>resource.path</c> comparisons that can never hold: http routes give policies the path lower-cased
/// (<see cref="CanonicalPath.ForPolicy"/>), so a literal with an upper-case letter never matches, and a forbid
/// written that way would silently never fire.
/// </summary>
internal static class HttpPathPolicyLint
{
    /// <summary>The offending literals, in policy order.</summary>
    public static IEnumerable<string> UpperCaseLiterals(CedarPolicySet set)
    {
        foreach (var policy in set.Policies)
        {
            var pending = new Stack<Expr>(policy.Conditions.Select(c => c.Body));
            while (pending.TryPop(out var expr))
            {
                var literal = expr switch
                {
                    LikeExpr like when IsResourcePath(like.Target) => like.Pattern.Characters,
                    BinaryExpr { Op: BinaryOp.Eq or BinaryOp.NotEq } b when IsResourcePath(b.Left) => (b.Right as LiteralExpr)?.Value is CedarString s ? s.Value : null,
                    BinaryExpr { Op: BinaryOp.Eq or BinaryOp.NotEq } b when IsResourcePath(b.Right) => (b.Left as LiteralExpr)?.Value is CedarString s ? s.Value : null,
                    _ => null,
                };
                if (literal is not null && literal.Any(char.IsUpper))
                {
                    yield return literal;
                }

                foreach (var child in Children(expr))
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static bool IsResourcePath(Expr e) => e is GetAttrExpr { Name: "path", Target: VarExpr { Variable: CedarVar.Resource } };

    private static IEnumerable<Expr> Children(Expr e) => e switch
    {
        AndExpr a => [a.Left, a.Right],
        OrExpr o => [o.Left, o.Right],
        NotExpr n => [n.Operand],
        IfExpr i => [i.Test, i.Then, i.Otherwise],
        BinaryExpr b => [b.Left, b.Right],
        _ => [],
    };
}
