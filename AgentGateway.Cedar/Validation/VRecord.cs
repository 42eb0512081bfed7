namespace AgentGateway.Cedar.Validation;

/// <summary>A record type; strict mode requires the same attributes on both sides of a least upper bound.</summary>
internal sealed record VRecord(IReadOnlyDictionary<string, (VType Type, bool Required)> Attributes) : VType
{
    public bool Equivalent(VRecord other) =>
        Attributes.Count == other.Attributes.Count &&
        Attributes.All(kv => other.Attributes.TryGetValue(kv.Key, out var o) && o.Required == kv.Value.Required && VTypes.Lub(kv.Value.Type, o.Type) is not null);
}
