namespace AgentGateway.Security.Cedar;

/// <summary>
/// An error while evaluating one policy (type error, missing attribute, overflow, bad extension
/// argument). The authorizer catches it, skips the policy and reports it in the response's errors.
/// </summary>
public sealed class CedarEvaluationException : Exception
{
    public CedarEvaluationException()
    {
    }

    public CedarEvaluationException(string message)
        : base(message)
    {
    }

    public CedarEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
