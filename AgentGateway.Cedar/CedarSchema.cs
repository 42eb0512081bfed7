namespace AgentGateway.Cedar;

/// <summary>
/// A schema in the human-readable Cedar format. The engine uses it to read entity attributes, tags and
/// request context with their declared types, and to add the action entities and their hierarchy.
/// </summary>
public sealed class CedarSchema
{
    internal CedarSchema(IReadOnlyDictionary<string, SchemaEntityType> entityTypes, IReadOnlyDictionary<EntityUid, SchemaAction> actions)
    {
        EntityTypes = entityTypes;
        Actions = actions;
    }

    internal IReadOnlyDictionary<string, SchemaEntityType> EntityTypes { get; }

    internal IReadOnlyDictionary<EntityUid, SchemaAction> Actions { get; }

    /// <summary>Parses the human-readable schema format; throws <see cref="CedarParseException"/>.</summary>
    public static CedarSchema Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SchemaParser(text).Parse();
    }

    /// <summary>The action entities (with their declared parents) that every entity store built with this schema contains.</summary>
    public IEnumerable<CedarEntity> ActionEntities() =>
        Actions.Values.Select(a => new CedarEntity(a.Uid, parents: a.Parents));
}
