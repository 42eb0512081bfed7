namespace AgentGateway.Cedar.Validation;

/// <summary>Typing of the binary operators (equality, comparison, arithmetic, <c>in</c>, set methods, tags).</summary>
internal sealed class BinaryTypechecker(Typechecker tc, ValidationEnv env)
{
    public VType Check(BinaryExpr b, Capabilities prior)
    {
        var l = tc.Check(b.Left, prior).Type;
        var r = tc.Check(b.Right, prior).Type;
        switch (b.Op)
        {
            case BinaryOp.Eq or BinaryOp.NotEq:
                var eq = Equality(b.Left, l, b.Right, r);
                return b.Op == BinaryOp.Eq ? eq : eq.Kind switch { BoolKind.True => VBool.False, BoolKind.False => VBool.True, _ => VBool.Any };
            case BinaryOp.Less or BinaryOp.LessEq or BinaryOp.Greater or BinaryOp.GreaterEq:
                if (l is VPrim { Kind: CedarType.Long or CedarType.Datetime or CedarType.Duration } lp && r is VPrim rp && lp.Kind == rp.Kind)
                {
                    return VBool.Any;
                }

                throw new ValidationFailure($"cannot compare {l} with {r}");
            case BinaryOp.Add or BinaryOp.Sub or BinaryOp.Mul:
                Typechecker.Expect(l, CedarType.Long);
                Typechecker.Expect(r, CedarType.Long);
                return new VPrim(CedarType.Long);
            case BinaryOp.In:
                return In(b, l, r);
            case BinaryOp.Contains:
                var set = Typechecker.Set(l);
                _ = VTypes.Lub(set.Element, r) ?? throw new ValidationFailure($"set of {set.Element} cannot contain {r}");
                return VBool.Any;
            case BinaryOp.ContainsAll or BinaryOp.ContainsAny:
                _ = VTypes.Lub(Typechecker.Set(l), Typechecker.Set(r)) ?? throw new ValidationFailure($"incompatible sets {l} and {r}");
                return VBool.Any;
            case BinaryOp.HasTag:
                Typechecker.Expect(r, CedarType.String);
                return TagType(Typechecker.Entity(l)) is null ? VBool.False
                    : prior.Contains(Typechecker.Key(b.Left) + ".tag:" + Typechecker.Key(b.Right)) ? VBool.True : VBool.Any;
            default:
                Typechecker.Expect(r, CedarType.String);
                var tags = TagType(Typechecker.Entity(l)) ?? throw new ValidationFailure($"entity type {l} has no tags");
                return prior.Contains(Typechecker.Key(b.Left) + ".tag:" + Typechecker.Key(b.Right))
                    ? tags
                    : throw new ValidationFailure("tag accessed without a `hasTag` check");
        }
    }

    private VType? TagType(VEntity e) =>
        env.Schema.EntityTypes.TryGetValue(e.Name, out var t) && t.Tags is not null ? VTypes.FromSchema(t.Tags) : null;

    private VBool Equality(Expr le, VType l, Expr re, VType r)
    {
        if (l is VEntity x && r is VEntity y && x.Name != y.Name)
        {
            return VBool.False;
        }

        if (Literal(le) is { } a && Literal(re) is { } b)
        {
            return VBool.Of(a.Equals(b));
        }

        return VTypes.Lub(l, r) is null ? throw new ValidationFailure($"cannot compare {l} with {r} for equality") : VBool.Any;
    }

    /// <summary>A bool/long/string/entity literal, with <c>action</c> standing for the environment's action.</summary>
    private CedarValue? Literal(Expr e) => e switch
    {
        LiteralExpr { Value: CedarBool or CedarLong or CedarString or EntityUid } l => l.Value,
        VarExpr { Variable: CedarVar.Action } => env.Action,
        _ => null,
    };

    private VBool In(BinaryExpr b, VType l, VType r)
    {
        var left = Typechecker.Entity(l);
        var rightTypes = r switch
        {
            VEntity e => [e.Name],
            VSet { Element: VEntity e } => new[] { e.Name },
            _ => throw new ValidationFailure($"`in` needs an entity or a set of entities, got {r}"),
        };

        if (Literal(b.Left) is EntityUid lu && env.Schema.Actions.ContainsKey(lu) && Uids(b.Right) is { } rus)
        {
            var actions = rus.Where(u => env.Schema.Actions.ContainsKey(u)).ToList();
            return VBool.Of(actions.Count > 0 && actions.Any(a => env.ActionIn(lu, a)));
        }

        return rightTypes.Any(t => ValidationEnv.CanBeIn(env.Schema, left.Name, t)) ? VBool.Any : VBool.False;
    }

    private List<EntityUid>? Uids(Expr e) => e switch
    {
        LiteralExpr { Value: CedarSet s } when s.Items.All(i => i is EntityUid) => [.. s.Items.Cast<EntityUid>()],
        _ when Literal(e) is EntityUid u => [u],
        SetExpr s => s.Items.Select(Literal).ToList() is var l && l.All(x => x is EntityUid) ? [.. l.Cast<EntityUid>()] : null,
        _ => null,
    };
}
