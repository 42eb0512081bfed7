namespace AgentGateway.Security.Cedar;

/// <summary>A Cedar boolean; only the two shared instances exist so the hot path never allocates them.</summary>
internal sealed class CedarBool : CedarValue
{
    public static readonly CedarBool True = new(true);
    public static readonly CedarBool False = new(false);

    private CedarBool(bool value) => Value = value;

    public bool Value { get; }

    public override CedarType Type => CedarType.Bool;

    public static CedarBool Of(bool value) => value ? True : False;

    public override bool Equals(CedarValue? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => Value ? 1 : 2;

    public override string ToString() => Value ? "true" : "false";
}
