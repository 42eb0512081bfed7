namespace AgentGateway.Cedar.Evaluation;

/// <summary>The shape of a policy head constraint.</summary>
internal enum ScopeKind
{
    Any,
    Eq,
    In,
    Is,
    IsIn,
    InSet,
}
