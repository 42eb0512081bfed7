using System.Globalization;

namespace AgentGateway.Security.Cedar;

/// <summary>A Cedar 64-bit integer. Small values are cached because counters and levels are common.</summary>
internal sealed class CedarLong : CedarValue
{
    private const int CacheMin = -128;
    private const int CacheMax = 1024;
    private static readonly CedarLong[] Cache = CreateCache();

    private CedarLong(long value) => Value = value;

    public long Value { get; }

    public override CedarType Type => CedarType.Long;

    public static CedarLong Of(long value) =>
        value is >= CacheMin and <= CacheMax ? Cache[value - CacheMin] : new CedarLong(value);

    public override bool Equals(CedarValue? other) => other is CedarLong l && l.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    private static CedarLong[] CreateCache()
    {
        var cache = new CedarLong[CacheMax - CacheMin + 1];
        for (var i = 0; i < cache.Length; i++)
        {
            cache[i] = new CedarLong(i + CacheMin);
        }

        return cache;
    }
}
