namespace AgentGateway.Cedar.Validation;

/// <summary>Types one expression in one request environment; throws <see cref="ValidationFailure"/> on a type error.</summary>
internal sealed class Typechecker(ValidationEnv env)
{
    public (VType Type, Capabilities Caps) Check(Expr e, Capabilities prior)
    {
        switch (e)
        {
            case LiteralExpr l:
                return (OfValue(l.Value, top: true), Capabilities.Empty);
            case VarExpr v:
                return (v.Variable switch
                {
                    CedarVar.Principal => new VEntity(env.Principal),
                    CedarVar.Action => new VEntity(env.Action.EntityType),
                    CedarVar.Resource => new VEntity(env.Resource),
                    _ => env.Context,
                }, Capabilities.Empty);
            case AndExpr a:
                return And(a, prior);
            case OrExpr o:
                return Or(o, prior);
            case NotExpr n:
                var nb = Bool(Check(n.Operand, prior).Type);
                return (nb.Kind switch { BoolKind.True => VBool.False, BoolKind.False => VBool.True, _ => VBool.Any }, Capabilities.Empty);
            case NegExpr neg:
                Expect(Check(neg.Operand, prior).Type, CedarType.Long);
                return (new VPrim(CedarType.Long), Capabilities.Empty);
            case IfExpr i:
                return If(i, prior);
            case BinaryExpr b:
                var bt = new BinaryTypechecker(this, env).Check(b, prior);
                var bcaps = b.Op == BinaryOp.HasTag && bt is VBool { Kind: not BoolKind.False }
                    ? Capabilities.Of(Key(b.Left) + ".tag:" + Key(b.Right))
                    : Capabilities.Empty;
                return (bt, bcaps);
            case GetAttrExpr g:
                return (Attribute(g.Target, g.Name, prior), Capabilities.Empty);
            case HasAttrExpr h:
                return Has(h, prior);
            case LikeExpr like:
                Expect(Check(like.Target, prior).Type, CedarType.String);
                return (VBool.Any, Capabilities.Empty);
            case IsExpr isExpr:
                var it = Entity(Check(isExpr.Target, prior).Type);
                return (VBool.Of(it.Name == isExpr.EntityType), Capabilities.Empty);
            case IsEmptyExpr empty:
                _ = Set(Check(empty.Target, prior).Type);
                return (VBool.Any, Capabilities.Empty);
            case SetExpr s:
                return (new VSet(LubAll(s.Items.Select(x => Check(x, prior).Type))), Capabilities.Empty);
            case RecordExpr r:
                var attrs = new Dictionary<string, (VType, bool)>(StringComparer.Ordinal);
                for (var k = 0; k < r.Keys.Length; k++)
                {
                    attrs[r.Keys[k]] = (Check(r.Values[k], prior).Type, true);
                }

                return (new VRecord(attrs), Capabilities.Empty);
            case CallExpr c:
                return (ExtensionCall(c, prior), Capabilities.Empty);
            default:
                throw new ValidationFailure($"unsupported expression {e.GetType().Name}");
        }
    }

    internal static VBool Bool(VType t) => t as VBool ?? throw new ValidationFailure($"expected a boolean, got {t}");

    internal static void Expect(VType t, CedarType kind)
    {
        if (t is not VPrim p || p.Kind != kind)
        {
            throw new ValidationFailure($"expected {kind}, got {t}");
        }
    }

    internal static VEntity Entity(VType t) => t as VEntity ?? throw new ValidationFailure($"expected an entity, got {t}");

    internal static VSet Set(VType t) => t as VSet ?? throw new ValidationFailure($"expected a set, got {t}");

    internal static VType LubAll(IEnumerable<VType> types)
    {
        VType? lub = null;
        foreach (var t in types)
        {
            lub = lub is null ? t : VTypes.Lub(lub, t) ?? throw new ValidationFailure($"incompatible types {lub} and {t}");
        }

        return lub ?? throw new ValidationFailure("empty set literals are not allowed");
    }

    /// <summary>A structural key for an expression, so that <c>principal has a</c> guards a later <c>principal.a</c>.</summary>
    internal static string Key(Expr e) => e switch
    {
        LiteralExpr l => "lit:" + l.Value,
        VarExpr v => v.Variable.ToString(),
        GetAttrExpr g => Key(g.Target) + "." + CedarText.Quote(g.Name),
        BinaryExpr { Op: BinaryOp.GetTag } b => Key(b.Left) + ".getTag(" + Key(b.Right) + ")",
        _ => "#" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(e),
    };

    private VType OfValue(CedarValue v, bool top) => v switch
    {
        CedarBool b => top ? VBool.Of(b.Value) : VBool.Any,
        CedarLong => new VPrim(CedarType.Long),
        CedarString => new VPrim(CedarType.String),
        EntityUid u => DeclaredEntity(u),
        CedarSet s => new VSet(LubAll(s.Items.Select(x => OfValue(x, false)))),
        CedarRecord r => new VRecord(r.Attributes.ToDictionary(kv => kv.Key, kv => (OfValue(kv.Value, false), true), StringComparer.Ordinal)),
        _ => new VPrim(v.Type),
    };

    private VEntity DeclaredEntity(EntityUid u)
    {
        if (env.Schema.Actions.ContainsKey(u))
        {
            return new VEntity(u.EntityType);
        }

        if (!env.Schema.EntityTypes.TryGetValue(u.EntityType, out var t))
        {
            throw new ValidationFailure($"unrecognized entity `{u}`");
        }

        return t.EnumIds is { } ids && !ids.Contains(u.Id) ? throw new ValidationFailure($"`{u}` is not an enumerated id") : new VEntity(u.EntityType);
    }

    private (VType, Capabilities) And(AndExpr a, Capabilities prior)
    {
        var (lt, lc) = Check(a.Left, prior);
        var l = Bool(lt);
        if (l.Kind == BoolKind.False)
        {
            return (VBool.False, Capabilities.Empty);
        }

        var (rt, rc) = Check(a.Right, prior.Union(lc));
        var r = Bool(rt);
        if (r.Kind == BoolKind.False)
        {
            return (VBool.False, Capabilities.Empty);
        }

        return (l.Kind == BoolKind.True ? r : r.Kind == BoolKind.True ? l : VBool.Any, lc.Union(rc));
    }

    private (VType, Capabilities) Or(OrExpr o, Capabilities prior)
    {
        var (lt, lc) = Check(o.Left, prior);
        var l = Bool(lt);
        if (l.Kind == BoolKind.True)
        {
            return (VBool.True, lc);
        }

        var (rt, rc) = Check(o.Right, prior);
        var r = Bool(rt);
        return l.Kind == BoolKind.False ? (r, rc)
            : r.Kind == BoolKind.True ? (VBool.True, rc)
            : r.Kind == BoolKind.False ? (l, lc)
            : (VBool.Any, lc.Intersect(rc));
    }

    private (VType, Capabilities) If(IfExpr i, Capabilities prior)
    {
        var (tt, tc) = Check(i.Test, prior);
        var test = Bool(tt);
        if (test.Kind == BoolKind.True)
        {
            var (thenT, thenC) = Check(i.Then, prior.Union(tc));
            return (thenT, tc.Union(thenC));
        }

        if (test.Kind == BoolKind.False)
        {
            return Check(i.Otherwise, prior);
        }

        var (a, ac) = Check(i.Then, prior.Union(tc));
        var (b, bc) = Check(i.Otherwise, prior);
        var lub = VTypes.Lub(a, b) ?? throw new ValidationFailure($"if branches have incompatible types {a} and {b}");
        return (lub, tc.Union(ac).Intersect(bc));
    }

    private VType Attribute(Expr target, string name, Capabilities prior)
    {
        var attrs = Attributes(Check(target, prior).Type);
        if (!attrs.TryGetValue(name, out var a))
        {
            throw new ValidationFailure($"attribute `{name}` is not declared");
        }

        return a.Required || prior.Contains(Key(target) + "." + CedarText.Quote(name))
            ? a.Type
            : throw new ValidationFailure($"optional attribute `{name}` accessed without a `has` check");
    }

    private (VType, Capabilities) Has(HasAttrExpr h, Capabilities prior)
    {
        var targetType = Check(h.Target, prior).Type;
        var attrs = Attributes(targetType);
        var fact = Key(h.Target) + "." + CedarText.Quote(h.Name);
        if (!attrs.TryGetValue(h.Name, out var a))
        {
            return (VBool.False, Capabilities.Empty);
        }

        var known = (a.Required && targetType is VRecord) || prior.Contains(fact);
        return (known ? VBool.True : VBool.Any, Capabilities.Of(fact));
    }

    internal IReadOnlyDictionary<string, (VType Type, bool Required)> Attributes(VType t) => t switch
    {
        VRecord r => r.Attributes,
        VEntity e when env.Schema.EntityTypes.TryGetValue(e.Name, out var et) => ((VRecord)VTypes.FromSchema(et.Attributes)).Attributes,
        VEntity => new Dictionary<string, (VType, bool)>(),
        _ => throw new ValidationFailure($"expected an entity or record, got {t}"),
    };

    private VType ExtensionCall(CallExpr c, Capabilities prior)
    {
        if (CedarExtensions.IsFunction(c.Function))
        {
            // Folded at parse time when valid; what is left is a bad literal or a non-literal argument.
            throw new ValidationFailure($"`{c.Function}` needs a valid string literal argument");
        }

        var args = c.Args.Select(a => Check(a, prior).Type).ToArray();
        void Args(params CedarType[] kinds)
        {
            if (args.Length != kinds.Length)
            {
                throw new ValidationFailure($"`{c.Function}` takes {kinds.Length} argument(s)");
            }

            for (var i = 0; i < kinds.Length; i++)
            {
                Expect(args[i], kinds[i]);
            }
        }

        switch (c.Function)
        {
            case "isIpv4" or "isIpv6" or "isLoopback" or "isMulticast": Args(CedarType.IpAddr); return VBool.Any;
            case "isInRange": Args(CedarType.IpAddr, CedarType.IpAddr); return VBool.Any;
            case "lessThan" or "lessThanOrEqual" or "greaterThan" or "greaterThanOrEqual": Args(CedarType.Decimal, CedarType.Decimal); return VBool.Any;
            case "offset": Args(CedarType.Datetime, CedarType.Duration); return new VPrim(CedarType.Datetime);
            case "durationSince": Args(CedarType.Datetime, CedarType.Datetime); return new VPrim(CedarType.Duration);
            case "toDate": Args(CedarType.Datetime); return new VPrim(CedarType.Datetime);
            case "toTime": Args(CedarType.Datetime); return new VPrim(CedarType.Duration);
            default: Args(CedarType.Duration); return new VPrim(CedarType.Long);
        }
    }
}
