namespace AgentGateway.Cedar.Extensions;

/// <summary>The extension functions: <c>ip</c>, <c>decimal</c>, <c>datetime</c>, <c>duration</c> and their methods.</summary>
internal static class CedarExtensions
{
    private static readonly Dictionary<string, int> Arity = new(StringComparer.Ordinal)
    {
        ["ip"] = 1, ["decimal"] = 1, ["datetime"] = 1, ["duration"] = 1,
        ["isIpv4"] = 1, ["isIpv6"] = 1, ["isLoopback"] = 1, ["isMulticast"] = 1, ["isInRange"] = 2,
        ["lessThan"] = 2, ["lessThanOrEqual"] = 2, ["greaterThan"] = 2, ["greaterThanOrEqual"] = 2,
        ["offset"] = 2, ["durationSince"] = 2, ["toDate"] = 1, ["toTime"] = 1,
        ["toMilliseconds"] = 1, ["toSeconds"] = 1, ["toMinutes"] = 1, ["toHours"] = 1, ["toDays"] = 1,
    };

    public static bool IsFunction(string name) => name is "ip" or "decimal" or "datetime" or "duration";

    public static bool IsMethod(string name) => Arity.ContainsKey(name) && !IsFunction(name);

    /// <summary>Constructs an extension value from its string form (also used for the JSON <c>__extn</c> escape).</summary>
    public static CedarValue Construct(string function, string arg)
    {
        string? error = null;
        CedarValue? v = function switch
        {
            "ip" or "ipaddr" => CedarIpAddr.TryParse(arg, out error),
            "decimal" => CedarDecimal.TryParse(arg, out error),
            "datetime" => CedarDatetime.TryParse(arg, out error),
            "duration" => CedarDuration.TryParse(arg, out error),
            _ => throw new CedarEvaluationException($"unknown extension function `{function}`"),
        };
        return v ?? throw new CedarEvaluationException($"{function}: {error}");
    }

    public static CedarValue Call(string name, CedarValue[] a)
    {
        if (!Arity.TryGetValue(name, out var n))
        {
            throw new CedarEvaluationException($"unknown extension function `{name}`");
        }

        if (a.Length != n)
        {
            throw new CedarEvaluationException($"`{name}` takes {n} argument(s), got {a.Length}");
        }

        return name switch
        {
            "ip" or "decimal" or "datetime" or "duration" => Construct(name, CedarOps.AsString(a[0])),
            "isIpv4" => CedarBool.Of(Ip(a[0]).IsV4),
            "isIpv6" => CedarBool.Of(!Ip(a[0]).IsV4),
            "isLoopback" => CedarBool.Of(Ip(a[0]).IsLoopback),
            "isMulticast" => CedarBool.Of(Ip(a[0]).IsMulticast),
            "isInRange" => CedarBool.Of(Ip(a[0]).IsInRange(Ip(a[1]))),
            "lessThan" => CedarBool.Of(Dec(a[0]) < Dec(a[1])),
            "lessThanOrEqual" => CedarBool.Of(Dec(a[0]) <= Dec(a[1])),
            "greaterThan" => CedarBool.Of(Dec(a[0]) > Dec(a[1])),
            "greaterThanOrEqual" => CedarBool.Of(Dec(a[0]) >= Dec(a[1])),
            "offset" => Offset(Dt(a[0]), Dur(a[1])),
            "durationSince" => Since(Dt(a[0]), Dt(a[1])),
            "toDate" => ToDate(Dt(a[0])),
            "toTime" => new CedarDuration(Mod(Dt(a[0]), CedarDatetime.DayMs)),
            "toMilliseconds" => CedarLong.Of(Dur(a[0])),
            "toSeconds" => CedarLong.Of(Dur(a[0]) / 1000),
            "toMinutes" => CedarLong.Of(Dur(a[0]) / 60_000),
            "toHours" => CedarLong.Of(Dur(a[0]) / 3_600_000),
            _ => CedarLong.Of(Dur(a[0]) / CedarDatetime.DayMs),
        };
    }

    private static CedarIpAddr Ip(CedarValue v) => v as CedarIpAddr ?? throw CedarOps.TypeError("ipaddr", v);

    private static long Dec(CedarValue v) => v is CedarDecimal d ? d.Scaled : throw CedarOps.TypeError("decimal", v);

    private static long Dt(CedarValue v) => v is CedarDatetime d ? d.EpochMs : throw CedarOps.TypeError("datetime", v);

    private static long Dur(CedarValue v) => v is CedarDuration d ? d.Ms : throw CedarOps.TypeError("duration", v);

    private static long Mod(long x, long m) => ((x % m) + m) % m;

    private static CedarDatetime Offset(long dt, long dur)
    {
        var r = unchecked(dt + dur);
        return ((dt ^ r) & (dur ^ r)) < 0 ? throw new CedarEvaluationException("overflow when adding an offset") : new CedarDatetime(r);
    }

    private static CedarDuration Since(long a, long b)
    {
        var r = unchecked(a - b);
        return ((a ^ b) & (a ^ r)) < 0 ? throw new CedarEvaluationException("overflow in durationSince") : new CedarDuration(r);
    }

    private static CedarDatetime ToDate(long dt)
    {
        var rem = Mod(dt, CedarDatetime.DayMs);
        var r = unchecked(dt - rem);
        return ((dt ^ rem) & (dt ^ r)) < 0 ? throw new CedarEvaluationException("overflow in toDate") : new CedarDatetime(r);
    }
}
