namespace AgentGateway.Cedar.Evaluation;

/// <summary>A policy head constraint on principal, action or resource (e.g. <c>principal is User in Group::"a"</c>).</summary>
internal sealed class ScopeConstraint(ScopeKind kind, EntityUid? uid = null, string? entityType = null, EntityUid[]? uids = null)
{
    public static readonly ScopeConstraint Any = new(ScopeKind.Any);

    public ScopeKind Kind { get; } = kind;

    /// <summary>The entity for <c>==</c>, <c>in</c> and <c>is … in</c>.</summary>
    public EntityUid? Uid { get; } = uid;

    public string? EntityType { get; } = entityType;

    /// <summary>The entities for <c>action in [...]</c>.</summary>
    public EntityUid[] Uids { get; } = uids ?? [];

    public bool Matches(EntityUid value, CedarEntities entities) => Kind switch
    {
        ScopeKind.Any => true,
        ScopeKind.Eq => value.Equals(Uid),
        ScopeKind.In => entities.IsIn(value, Uid!),
        ScopeKind.Is => string.Equals(value.EntityType, EntityType, StringComparison.Ordinal),
        ScopeKind.IsIn => string.Equals(value.EntityType, EntityType, StringComparison.Ordinal) && entities.IsIn(value, Uid!),
        _ => MatchesAny(value, entities),
    };

    private bool MatchesAny(EntityUid value, CedarEntities entities)
    {
        foreach (var uid in Uids)
        {
            if (entities.IsIn(value, uid))
            {
                return true;
            }
        }

        return false;
    }
}
