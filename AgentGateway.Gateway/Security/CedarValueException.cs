namespace AgentGateway.Security;

/// <summary>A request value with no faithful Cedar form. The message names where (keys only, never values).</summary>
public sealed class CedarValueException : Exception
{
    public CedarValueException()
    {
    }

    public CedarValueException(string message)
        : base(message)
    {
    }

    public CedarValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CedarValueException(string path, string reason)
        : base($"{path}: {reason}")
    {
    }
}
