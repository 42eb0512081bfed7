namespace AgentGateway.Cedar.Validation;

/// <summary>Thrown on the first type error; one is enough to reject the policy.</summary>
internal sealed class ValidationFailure(string message) : Exception(message);
