namespace AgentGateway.Cedar;

/// <summary>An authorization request: who (principal) does what (action) to what (resource), with context.</summary>
public sealed class CedarRequest(EntityUid principal, EntityUid action, EntityUid resource, CedarRecord? context = null)
{
    /// <summary>Who asks.</summary>
    public EntityUid Principal { get; } = principal;

    /// <summary>What they want to do (an <c>Action::"name"</c> uid).</summary>
    public EntityUid Action { get; } = action;

    /// <summary>What they want to do it to.</summary>
    public EntityUid Resource { get; } = resource;

    /// <summary>The request's other facts (an empty record when none were given).</summary>
    public CedarRecord Context { get; } = context ?? CedarRecord.Empty;

    /// <summary>
    /// Reads a context from Cedar's JSON value format (<c>{"__entity": …}</c> and <c>{"__extn": …}</c> escapes);
    /// with a schema, values are read with the types the action declares. Throws <see cref="CedarJsonException"/>.
    /// </summary>
    public static CedarRecord ContextFromJson(string json, EntityUid action, CedarSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(action);
        return CedarJson.ParseContext(json, schema, action);
    }

    /// <summary>Builds the context record from plain .NET values.</summary>
    public static CedarRecord ContextFrom(IEnumerable<KeyValuePair<string, object?>> values) =>
        new(values.ToDictionary(kv => kv.Key, kv => CedarValue.FromObject(kv.Value), StringComparer.Ordinal));
}
