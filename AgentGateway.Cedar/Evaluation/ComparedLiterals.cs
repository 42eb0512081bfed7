namespace AgentGateway.Cedar.Evaluation;

/// <summary>Walks a policy's conditions for string literals compared with one attribute of a request variable.</summary>
internal static class ComparedLiterals
{
    /// <summary>The literals in the order the conditions are written (an explicit stack: policies may nest deeply).</summary>
    public static IEnumerable<string> Find(CedarPolicy policy, CedarVar variable, string attribute)
    {
        var pending = new Stack<Expr>(policy.Conditions.Reverse().Select(c => c.Body));
        while (pending.TryPop(out var expr))
        {
            var literal = expr switch
            {
                LikeExpr like when IsTarget(like.Target) => like.Pattern.Characters,
                BinaryExpr { Op: BinaryOp.Eq or BinaryOp.NotEq } b when IsTarget(b.Left) => Text(b.Right),
                BinaryExpr { Op: BinaryOp.Eq or BinaryOp.NotEq } b when IsTarget(b.Right) => Text(b.Left),
                _ => null,
            };
            if (literal is not null)
            {
                yield return literal;
            }

            foreach (var child in Children(expr).Reverse())
            {
                pending.Push(child);
            }
        }

        bool IsTarget(Expr e) => e is GetAttrExpr { Target: VarExpr v } get && v.Variable == variable && get.Name == attribute;
    }

    private static string? Text(Expr e) => (e as LiteralExpr)?.Value is CedarString s ? s.Value : null;

    private static Expr[] Children(Expr e) => e switch
    {
        AndExpr a => [a.Left, a.Right],
        OrExpr o => [o.Left, o.Right],
        NotExpr n => [n.Operand],
        NegExpr n => [n.Operand],
        IfExpr i => [i.Test, i.Then, i.Otherwise],
        BinaryExpr b => [b.Left, b.Right],
        LikeExpr l => [l.Target],
        GetAttrExpr g => [g.Target],
        HasAttrExpr h => [h.Target],
        IsExpr i => [i.Target],
        IsEmptyExpr i => [i.Target],
        CallExpr c => c.Args,
        SetExpr s => s.Items,
        RecordExpr r => r.Values,
        _ => [],
    };
}
