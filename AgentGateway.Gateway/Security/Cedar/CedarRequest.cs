namespace AgentGateway.Security.Cedar;

/// <summary>An authorization request: who (principal) does what (action) to what (resource), with context.</summary>
internal sealed class CedarRequest(EntityUid principal, EntityUid action, EntityUid resource, CedarRecord? context = null)
{
    public EntityUid Principal { get; } = principal;

    public EntityUid Action { get; } = action;

    public EntityUid Resource { get; } = resource;

    public CedarRecord Context { get; } = context ?? CedarRecord.Empty;

    /// <summary>Builds the context record from plain .NET values.</summary>
    public static CedarRecord ContextFrom(IEnumerable<KeyValuePair<string, object?>> values) =>
        new(values.ToDictionary(kv => kv.Key, kv => CedarValue.FromObject(kv.Value), StringComparer.Ordinal));
}
