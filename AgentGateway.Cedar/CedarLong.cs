using System.Globalization;

namespace AgentGateway.Cedar;

/// <summary>A Cedar 64-bit integer. Small values are cached because counters and levels are common.</summary>
public sealed class CedarLong : CedarValue
{
    private const int CacheMin = -128;
    private const int CacheMax = 1024;
    private static readonly CedarLong[] Cache = CreateCache();

    private CedarLong(long value) => Value = value;

    /// <summary>The .NET value.</summary>
    public long Value { get; }

    /// <inheritdoc/>
    public override CedarType Type => CedarType.Long;

    /// <summary>The value (small ones are shared instances).</summary>
    public static CedarLong Of(long value) =>
        value is >= CacheMin and <= CacheMax ? Cache[value - CacheMin] : new CedarLong(value);

    /// <inheritdoc/>
    public override bool Equals(CedarValue? other) => other is CedarLong l && l.Value == Value;

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc/>
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
