namespace AgentGateway.Cedar;

/// <summary>A Cedar string (compared ordinally).</summary>
public sealed class CedarString(string value) : CedarValue
{
    /// <summary>The .NET value.</summary>
    public string Value { get; } = value;

    /// <inheritdoc/>
    public override CedarType Type => CedarType.String;

    /// <inheritdoc/>
    public override bool Equals(CedarValue? other) =>
        other is CedarString s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc/>
    public override string ToString() => CedarText.Quote(Value);
}
