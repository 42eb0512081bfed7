namespace AgentGateway.Security.Cedar;

/// <summary>Thrown when entity, value or context JSON does not follow Cedar's JSON format.</summary>
public sealed class CedarJsonException : Exception
{
    public CedarJsonException()
    {
    }

    public CedarJsonException(string message)
        : base(message)
    {
    }

    public CedarJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
