namespace AgentGateway.Cedar;

/// <summary>A Cedar boolean; only the two shared instances exist so the hot path never allocates them.</summary>
public sealed class CedarBool : CedarValue
{
    /// <summary><c>true</c>.</summary>
    public static readonly CedarBool True = new(true);
    /// <summary><c>false</c>.</summary>
    public static readonly CedarBool False = new(false);

    private CedarBool(bool value) => Value = value;

    /// <summary>The .NET value.</summary>
    public bool Value { get; }

    /// <inheritdoc/>
    public override CedarType Type => CedarType.Bool;

    /// <summary>The shared instance for <paramref name="value"/>.</summary>
    public static CedarBool Of(bool value) => value ? True : False;

    /// <inheritdoc/>
    public override bool Equals(CedarValue? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value ? 1 : 2;

    /// <inheritdoc/>
    public override string ToString() => Value ? "true" : "false";
}
