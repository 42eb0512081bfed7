namespace AgentGateway.Cedar.Evaluation;

/// <summary>Operator semantics shared by the expression nodes: type checks, arithmetic, hierarchy and attribute lookups.</summary>
internal static class CedarOps
{
    public static bool AsBool(CedarValue v) =>
        v is CedarBool b ? b.Value : throw TypeError("bool", v);

    public static long AsLong(CedarValue v) =>
        v is CedarLong l ? l.Value : throw TypeError("long", v);

    public static string AsString(CedarValue v) =>
        v is CedarString s ? s.Value : throw TypeError("string", v);

    public static EntityUid AsEntity(CedarValue v) =>
        v as EntityUid ?? throw TypeError("entity", v);

    public static CedarSet AsSet(CedarValue v) =>
        v as CedarSet ?? throw TypeError("set", v);

    public static CedarEvaluationException TypeError(string expected, CedarValue actual) =>
        new($"type error: expected {expected}, got {TypeName(actual)}");

    public static string TypeName(CedarValue v) => v.Type switch
    {
        CedarType.Entity => "entity of type `" + ((EntityUid)v).EntityType + "`",
        _ => v.Type.ToString().ToLowerInvariant(),
    };

    /// <summary>Ordering for &lt; and friends: longs, and datetimes/durations with their own kind.</summary>
    public static int Compare(CedarValue a, CedarValue b)
    {
        return (a, b) switch
        {
            (CedarLong x, CedarLong y) => x.Value.CompareTo(y.Value),
            (CedarDatetime x, CedarDatetime y) => x.EpochMs.CompareTo(y.EpochMs),
            (CedarDuration x, CedarDuration y) => x.Ms.CompareTo(y.Ms),
            _ => throw new CedarEvaluationException($"type error: cannot compare {TypeName(a)} with {TypeName(b)}"),
        };
    }

    public static CedarLong Arith(BinaryOp op, CedarValue a, CedarValue b)
    {
        var x = AsLong(a);
        var y = AsLong(b);
        long r;
        var ok = op switch
        {
            BinaryOp.Add => !AddOverflows(x, y, out r),
            BinaryOp.Sub => !SubOverflows(x, y, out r),
            _ => !MulOverflows(x, y, out r),
        };
        return ok ? CedarLong.Of(r) : throw new CedarEvaluationException($"integer overflow in {op} of {x} and {y}");
    }

    /// <summary><c>a in b</c>: b is an entity or a set of entities; true on equality or ancestry.</summary>
    public static bool In(EvalEnv env, CedarValue a, CedarValue b)
    {
        var uid = AsEntity(a);
        if (b is EntityUid target)
        {
            return env.Entities.IsIn(uid, target);
        }

        if (b is not CedarSet set)
        {
            throw TypeError("set or entity", b);
        }

        foreach (var item in set.Items)
        {
            _ = AsEntity(item);
        }

        foreach (var item in set.Items)
        {
            if (env.Entities.IsIn(uid, (EntityUid)item))
            {
                return true;
            }
        }

        return false;
    }

    public static bool ContainsAny(CedarSet a, CedarSet b) => a.Overlaps(b);

    public static CedarValue GetAttr(EvalEnv env, CedarValue target, string name)
    {
        switch (target)
        {
            case CedarRecord r:
                return r.TryGet(name, out var v) ? v : throw new CedarEvaluationException($"record does not have the attribute `{name}`");
            case EntityUid uid:
                var entity = env.Entities.Find(uid) ?? throw new CedarEvaluationException($"entity `{uid}` does not exist");
                return entity.Attributes.TryGetValue(name, out var a)
                    ? a
                    : throw new CedarEvaluationException($"`{uid}` does not have the attribute `{name}`");
            default:
                throw TypeError("record or entity", target);
        }
    }

    public static bool HasAttr(EvalEnv env, CedarValue target, string name) => target switch
    {
        CedarRecord r => r.Has(name),
        EntityUid uid => env.Entities.Find(uid)?.Attributes.ContainsKey(name) ?? false,
        _ => throw TypeError("record or entity", target),
    };

    public static CedarValue GetTag(EvalEnv env, CedarValue target, CedarValue tag)
    {
        var uid = AsEntity(target);
        var key = AsString(tag);
        var entity = env.Entities.Find(uid) ?? throw new CedarEvaluationException($"entity `{uid}` does not exist");
        return entity.Tags.TryGetValue(key, out var v) ? v : throw new CedarEvaluationException($"`{uid}` does not have the tag `{key}`");
    }

    public static CedarBool HasTag(EvalEnv env, CedarValue target, CedarValue tag)
    {
        var uid = AsEntity(target);
        var key = AsString(tag);
        return CedarBool.Of(env.Entities.Find(uid)?.Tags.ContainsKey(key) ?? false);
    }

    private static bool AddOverflows(long x, long y, out long r)
    {
        r = unchecked(x + y);
        return ((x ^ r) & (y ^ r)) < 0;
    }

    private static bool SubOverflows(long x, long y, out long r)
    {
        r = unchecked(x - y);
        return ((x ^ y) & (x ^ r)) < 0;
    }

    private static bool MulOverflows(long x, long y, out long r)
    {
        var wide = Math.BigMul(x, y, out var low);
        r = low;
        return wide != (low >> 63);
    }
}
