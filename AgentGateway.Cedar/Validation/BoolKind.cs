namespace AgentGateway.Cedar.Validation;

/// <summary>What the validator knows statically about a boolean.</summary>
internal enum BoolKind
{
    Any,
    True,
    False,
}
