namespace AgentGateway.Cedar.Evaluation;

/// <summary>The binary operators, including the set and tag methods that take one argument.</summary>
internal enum BinaryOp
{
    Eq,
    NotEq,
    Less,
    LessEq,
    Greater,
    GreaterEq,
    Add,
    Sub,
    Mul,
    In,
    Contains,
    ContainsAll,
    ContainsAny,
    GetTag,
    HasTag,
}
