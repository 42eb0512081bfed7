namespace AgentGateway.Cedar;

/// <summary>Thrown when entity, value or context JSON does not follow Cedar's JSON format.</summary>
public sealed class CedarJsonException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public CedarJsonException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CedarJsonException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public CedarJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
