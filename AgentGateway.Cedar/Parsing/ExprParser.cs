using System.Globalization;
using System.Numerics;

namespace AgentGateway.Cedar.Parsing;

/// <summary>
/// Parses Cedar expressions by precedence: if/||/&amp;&amp;/relations (==, !=, &lt;, in, has, like, is)/+ -/*/unary/member access.
/// Sugar is lowered here: <c>e is T in x</c> and <c>e has a.b</c> become conjunctions, constant sets/records are folded.
/// </summary>
internal sealed class ExprParser(TokenReader r)
{
    private const int MaxDepth = 200;
    private int _depth;

    public Expr ParseExpr()
    {
        if (++_depth > MaxDepth)
        {
            throw r.Error("expression is nested too deeply");
        }

        try
        {
            if (r.AcceptIdent("if"))
            {
                var test = ParseExpr();
                r.ExpectIdent("then");
                var then = ParseExpr();
                r.ExpectIdent("else");
                return new IfExpr(test, then, ParseExpr());
            }

            return ParseOr();
        }
        finally
        {
            _depth--;
        }
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (r.Accept("||"))
        {
            left = new OrExpr(left, ParseAnd());
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseRelation();
        while (r.Accept("&&"))
        {
            left = new AndExpr(left, ParseRelation());
        }

        return left;
    }

    private Expr ParseRelation()
    {
        var left = ParseAdd();
        var t = r.Peek;
        BinaryOp? op = t.Kind == TokenKind.Punct
            ? t.Text switch
            {
                "==" => BinaryOp.Eq,
                "!=" => BinaryOp.NotEq,
                "<" => BinaryOp.Less,
                "<=" => BinaryOp.LessEq,
                ">" => BinaryOp.Greater,
                ">=" => BinaryOp.GreaterEq,
                _ => null,
            }
            : t.IsIdent("in") ? BinaryOp.In : null;
        if (op is { } binary)
        {
            r.Next();
            return new BinaryExpr(binary, left, ParseAdd());
        }

        if (r.AcceptIdent("has"))
        {
            return ParseHas(left);
        }

        if (r.AcceptIdent("like"))
        {
            var pt = r.Peek;
            if (pt.Kind != TokenKind.String)
            {
                throw r.Error("expected a pattern string after `like`");
            }

            r.Next();
            var wild = new List<bool>();
            var chars = CedarText.Unescape(pt.Text, out var error, wild) ?? throw TokenReader.Error(error ?? "invalid pattern", pt);
            return new LikeExpr(left, new LikePattern(chars, [.. wild]));
        }

        if (r.AcceptIdent("is"))
        {
            var type = r.ParsePath(r.ExpectIdent());
            Expr isExpr = new IsExpr(left, type);
            return r.AcceptIdent("in") ? new AndExpr(isExpr, new BinaryExpr(BinaryOp.In, left, ParseAdd())) : isExpr;
        }

        return left;
    }

    private Expr ParseHas(Expr target)
    {
        var t = r.Peek;
        if (t.Kind == TokenKind.String)
        {
            r.Next();
            return new HasAttrExpr(target, TokenReader.Decode(t));
        }

        // `e has a.b.c` means `e has a && e.a has b && e.a.b has c`.
        var names = new List<string> { r.ExpectIdent() };
        while (r.Peek.Is(".") && r.PeekAt(1).Kind == TokenKind.Ident)
        {
            r.Next();
            names.Add(r.Next().Text);
        }

        Expr result = new HasAttrExpr(target, names[0]);
        var path = target;
        for (var i = 1; i < names.Count; i++)
        {
            path = new GetAttrExpr(path, names[i - 1]);
            result = new AndExpr(result, new HasAttrExpr(path, names[i]));
        }

        return result;
    }

    private Expr ParseAdd()
    {
        var left = ParseMult();
        while (r.Peek.Is("+") || r.Peek.Is("-"))
        {
            var op = r.Next().Text == "+" ? BinaryOp.Add : BinaryOp.Sub;
            left = new BinaryExpr(op, left, ParseMult());
        }

        return left;
    }

    private Expr ParseMult()
    {
        var left = ParseUnary();
        while (r.Accept("*"))
        {
            left = new BinaryExpr(BinaryOp.Mul, left, ParseUnary());
        }

        return left;
    }

    private Expr ParseUnary()
    {
        var ops = new List<string>();
        while (r.Peek.Is("!") || r.Peek.Is("-"))
        {
            ops.Add(r.Next().Text);
        }

        Expr operand;
        var innermost = ops.Count - 1;
        if (innermost >= 0 && ops[innermost] == "-" && r.Peek.Kind == TokenKind.Int && !IsAccessor(r.PeekAt(1)))
        {
            // `-9223372036854775808` is a valid literal: fold the innermost minus into it.
            var t = r.Next();
            operand = new LiteralExpr(CedarLong.Of(ParseInt(t, negative: true)));
            innermost--;
        }
        else
        {
            operand = ParseMember();
        }

        for (var i = innermost; i >= 0; i--)
        {
            operand = ops[i] == "!" ? new NotExpr(operand) : new NegExpr(operand);
        }

        return operand;
    }

    private static bool IsAccessor(Token t) => t.Is(".") || t.Is("[");

    private static long ParseInt(Token t, bool negative)
    {
        var n = BigInteger.Parse(t.Text, CultureInfo.InvariantCulture);
        if (negative)
        {
            n = -n;
        }

        return n < long.MinValue || n > long.MaxValue
            ? throw TokenReader.Error($"integer literal `{t.Text}` is out of range", t)
            : (long)n;
    }

    private Expr ParseMember()
    {
        var e = ParsePrimary();
        while (true)
        {
            if (r.Accept("["))
            {
                var t = r.Peek;
                if (t.Kind != TokenKind.String)
                {
                    throw r.Error("expected a string attribute name inside `[...]`");
                }

                r.Next();
                r.Expect("]");
                e = new GetAttrExpr(e, TokenReader.Decode(t));
            }
            else if (r.Accept("."))
            {
                var nameToken = r.Peek;
                var name = r.ExpectIdent();
                e = r.Peek.Is("(") ? ParseMethod(e, name, nameToken) : new GetAttrExpr(e, name);
            }
            else
            {
                return e;
            }
        }
    }

    private Expr ParseMethod(Expr target, string name, Token at)
    {
        var args = ParseArgs();
        Expr Arg(int n) => args.Count == n ? args[0] : throw TokenReader.Error($"`{name}` takes {n} argument(s)", at);
        return name switch
        {
            "contains" => new BinaryExpr(BinaryOp.Contains, target, Arg(1)),
            "containsAll" => new BinaryExpr(BinaryOp.ContainsAll, target, Arg(1)),
            "containsAny" => new BinaryExpr(BinaryOp.ContainsAny, target, Arg(1)),
            "getTag" => new BinaryExpr(BinaryOp.GetTag, target, Arg(1)),
            "hasTag" => new BinaryExpr(BinaryOp.HasTag, target, Arg(1)),
            "isEmpty" when args.Count == 0 => new IsEmptyExpr(target),
            _ when CedarExtensions.IsMethod(name) => new CallExpr(name, [target, .. args]),
            _ => throw TokenReader.Error($"unknown method `{name}`", at),
        };
    }

    private List<Expr> ParseArgs()
    {
        r.Expect("(");
        var args = new List<Expr>();
        while (!r.Accept(")"))
        {
            args.Add(ParseExpr());
            if (!r.Peek.Is(")"))
            {
                r.Expect(",");
            }
        }

        return args;
    }

    private Expr ParsePrimary()
    {
        var t = r.Peek;
        switch (t.Kind)
        {
            case TokenKind.Int:
                r.Next();
                return new LiteralExpr(CedarLong.Of(ParseInt(t, negative: false)));
            case TokenKind.String:
                r.Next();
                return new LiteralExpr(new CedarString(TokenReader.Decode(t)));
            case TokenKind.Ident:
                return ParseIdentPrimary();
            default:
                if (r.Accept("("))
                {
                    var inner = ParseExpr();
                    r.Expect(")");
                    return inner;
                }

                if (r.Accept("["))
                {
                    return ParseSet();
                }

                if (r.Accept("{"))
                {
                    return ParseRecord();
                }

                throw r.Error($"unexpected {TokenReader.Describe(t)}");
        }
    }

    private Expr ParseIdentPrimary()
    {
        var t = r.Next();
        switch (t.Text)
        {
            case "true": return new LiteralExpr(CedarBool.True);
            case "false": return new LiteralExpr(CedarBool.False);
            case "principal": return new VarExpr(CedarVar.Principal);
            case "action": return new VarExpr(CedarVar.Action);
            case "resource": return new VarExpr(CedarVar.Resource);
            case "context": return new VarExpr(CedarVar.Context);
            case "if":
                var test = ParseExpr();
                r.ExpectIdent("then");
                var then = ParseExpr();
                r.ExpectIdent("else");
                return new IfExpr(test, then, ParseExpr());
        }

        var path = r.ParsePath(t.Text);
        if (r.Accept("::"))
        {
            var idToken = r.Peek;
            if (idToken.Kind != TokenKind.String)
            {
                throw r.Error("expected an entity id string after `::`");
            }

            r.Next();
            return new LiteralExpr(new EntityUid(path, TokenReader.Decode(idToken)));
        }

        if (r.Peek.Is("("))
        {
            if (!CedarExtensions.IsFunction(path))
            {
                throw TokenReader.Error($"unknown function `{path}`", t);
            }

            var args = ParseArgs();
            return Fold(new CallExpr(path, [.. args]), args);
        }

        throw TokenReader.Error($"unexpected identifier `{path}`", t);
    }

    private Expr ParseSet()
    {
        var items = new List<Expr>();
        while (!r.Accept("]"))
        {
            items.Add(ParseExpr());
            if (!r.Peek.Is("]"))
            {
                r.Expect(",");
            }
        }

        return items.All(i => i is LiteralExpr)
            ? new LiteralExpr(new CedarSet(items.Select(i => ((LiteralExpr)i).Value)))
            : new SetExpr([.. items]);
    }

    private Expr ParseRecord()
    {
        var keys = new List<string>();
        var values = new List<Expr>();
        while (!r.Accept("}"))
        {
            var kt = r.Next();
            var key = kt.Kind switch
            {
                TokenKind.Ident => kt.Text,
                TokenKind.String => TokenReader.Decode(kt),
                _ => throw TokenReader.Error($"expected a record key, found {TokenReader.Describe(kt)}", kt),
            };
            if (keys.Contains(key))
            {
                throw TokenReader.Error($"duplicate record key `{key}`", kt);
            }

            r.Expect(":");
            keys.Add(key);
            values.Add(ParseExpr());
            if (!r.Peek.Is("}"))
            {
                r.Expect(",");
            }
        }

        if (values.All(v => v is LiteralExpr))
        {
            var attrs = new Dictionary<string, CedarValue>(StringComparer.Ordinal);
            for (var i = 0; i < keys.Count; i++)
            {
                attrs[keys[i]] = ((LiteralExpr)values[i]).Value;
            }

            return new LiteralExpr(new CedarRecord(attrs));
        }

        return new RecordExpr([.. keys], [.. values]);
    }

    /// <summary>Pre-computes an extension constructor over a literal string when it succeeds (errors stay for evaluation time).</summary>
    private static Expr Fold(CallExpr call, List<Expr> args)
    {
        if (args is [LiteralExpr { Value: CedarString }])
        {
            try
            {
                return new LiteralExpr(call.Eval(null!));
            }
            catch (CedarEvaluationException)
            {
                // Invalid literal: Cedar reports this when the policy is evaluated, not when it is parsed.
            }
        }

        return call;
    }
}
