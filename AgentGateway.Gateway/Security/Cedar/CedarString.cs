namespace AgentGateway.Security.Cedar;

/// <summary>A Cedar string (compared ordinally).</summary>
internal sealed class CedarString(string value) : CedarValue
{
    public string Value { get; } = value;

    public override CedarType Type => CedarType.String;

    public override bool Equals(CedarValue? other) =>
        other is CedarString s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => CedarText.Quote(Value);
}
