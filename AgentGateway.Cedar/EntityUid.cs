namespace AgentGateway.Cedar;

/// <summary>
/// An entity reference <c>Type::"id"</c>. It is itself a Cedar value, so <c>principal</c> evaluates
/// to the request's uid without allocating.
/// </summary>
public sealed class EntityUid : CedarValue
{
    private readonly int _hash;

    /// <summary>The uid <c>type::"id"</c>.</summary>
    /// <param name="type">The entity type, namespaced with <c>::</c> if it is (e.g. <c>App::User</c>).</param>
    /// <param name="id">The id; any string.</param>
    public EntityUid(string type, string id)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(id);
        EntityType = type;
        Id = id;
        _hash = HashCode.Combine(StringComparer.Ordinal.GetHashCode(type), StringComparer.Ordinal.GetHashCode(id));
    }

    /// <summary>The (possibly namespaced) entity type, e.g. <c>Gateway::User</c>.</summary>
    public string EntityType { get; }

    /// <summary>The entity's id within its type.</summary>
    public string Id { get; }

    /// <inheritdoc/>
    public override CedarType Type => CedarType.Entity;

    /// <inheritdoc/>
    public override bool Equals(CedarValue? other) =>
        ReferenceEquals(this, other) ||
        (other is EntityUid u && u._hash == _hash &&
         string.Equals(u.Id, Id, StringComparison.Ordinal) &&
         string.Equals(u.EntityType, EntityType, StringComparison.Ordinal));

    /// <inheritdoc/>
    public override int GetHashCode() => _hash;

    /// <inheritdoc/>
    public override string ToString() => EntityType + "::" + CedarText.Quote(Id);
}
