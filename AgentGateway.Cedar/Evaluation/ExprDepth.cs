namespace AgentGateway.Cedar.Evaluation;

/// <summary>
/// Measures how deep an expression tree is, without recursion. Long operator chains (<c>a &amp;&amp; b &amp;&amp; …</c>)
/// parse iteratively but evaluate recursively, so the parser rejects trees deeper than a limit instead of
/// letting a hostile policy text (e.g. sent to the admin explain endpoint) overflow the stack.
/// </summary>
internal static class ExprDepth
{
    public const int Max = 1000;

    public static int Of(Expr root)
    {
        var max = 0;
        var stack = new Stack<(Expr Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            max = Math.Max(max, depth);
            foreach (var child in Children(node))
            {
                stack.Push((child, depth + 1));
            }
        }

        return max;
    }

    private static Expr[] Children(Expr e) => e switch
    {
        AndExpr a => [a.Left, a.Right],
        OrExpr o => [o.Left, o.Right],
        NotExpr n => [n.Operand],
        NegExpr n => [n.Operand],
        IfExpr i => [i.Test, i.Then, i.Otherwise],
        BinaryExpr b => [b.Left, b.Right],
        GetAttrExpr g => [g.Target],
        HasAttrExpr h => [h.Target],
        IsExpr i => [i.Target],
        LikeExpr l => [l.Target],
        IsEmptyExpr i => [i.Target],
        SetExpr s => s.Items,
        RecordExpr r => r.Values,
        CallExpr c => c.Args,
        _ => [],
    };
}
