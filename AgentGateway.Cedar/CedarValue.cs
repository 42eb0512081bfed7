namespace AgentGateway.Cedar;

/// <summary>
/// A Cedar runtime value. Every subclass is immutable and compares structurally, so values can be
/// used as set members and dictionary keys (sets and records are compared order-independently).
/// </summary>
public abstract class CedarValue : IEquatable<CedarValue>
{
    // Only the engine's own kinds exist: evaluation switches over them.
    private protected CedarValue()
    {
    }

    /// <summary>The value's Cedar type.</summary>
    public abstract CedarType Type { get; }

    /// <summary>Structural equality, as Cedar's <c>==</c> (no conversion between types).</summary>
    public abstract bool Equals(CedarValue? other);

    /// <inheritdoc/>
    public sealed override bool Equals(object? obj) => obj is CedarValue v && Equals(v);

    /// <inheritdoc/>
    public abstract override int GetHashCode();

    /// <summary>Converts a .NET value (string, integers, bool, lists, dictionaries, JsonElement, EntityUid) to a Cedar value.</summary>
    public static CedarValue FromObject(object? value) => CedarValueConverter.FromObject(value);
}
