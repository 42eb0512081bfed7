namespace AgentGateway.Security.Cedar;

/// <summary>
/// A Cedar runtime value. Every subclass is immutable and compares structurally, so values can be
/// used as set members and dictionary keys (sets and records are compared order-independently).
/// </summary>
internal abstract class CedarValue : IEquatable<CedarValue>
{
    public abstract CedarType Type { get; }

    public abstract bool Equals(CedarValue? other);

    public sealed override bool Equals(object? obj) => obj is CedarValue v && Equals(v);

    public abstract override int GetHashCode();

    /// <summary>Converts a .NET value (string, integers, bool, lists, dictionaries, JsonElement, EntityUid) to a Cedar value.</summary>
    public static CedarValue FromObject(object? value) => CedarValueConverter.FromObject(value);
}
