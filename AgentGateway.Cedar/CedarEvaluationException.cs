namespace AgentGateway.Cedar;

/// <summary>
/// An error while evaluating one policy (type error, missing attribute, overflow, bad extension
/// argument). The authorizer catches it, skips the policy and reports it in the response's errors.
/// </summary>
public sealed class CedarEvaluationException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public CedarEvaluationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CedarEvaluationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public CedarEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
