namespace AgentGateway.Cedar.Evaluation;

/// <summary>One condition clause; <see cref="IsWhen"/> false means <c>unless</c>.</summary>
internal sealed record PolicyCondition(bool IsWhen, Expr Body);
