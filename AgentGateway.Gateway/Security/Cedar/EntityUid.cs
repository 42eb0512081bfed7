namespace AgentGateway.Security.Cedar;

/// <summary>
/// An entity reference <c>Type::"id"</c>. It is itself a Cedar value, so <c>principal</c> evaluates
/// to the request's uid without allocating.
/// </summary>
internal sealed class EntityUid : CedarValue
{
    private readonly int _hash;

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

    public string Id { get; }

    public override CedarType Type => CedarType.Entity;

    public override bool Equals(CedarValue? other) =>
        ReferenceEquals(this, other) ||
        (other is EntityUid u && u._hash == _hash &&
         string.Equals(u.Id, Id, StringComparison.Ordinal) &&
         string.Equals(u.EntityType, EntityType, StringComparison.Ordinal));

    public override int GetHashCode() => _hash;

    public override string ToString() => EntityType + "::" + CedarText.Quote(Id);
}
