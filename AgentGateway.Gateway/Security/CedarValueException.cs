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
        Reason = message;
    }

    public CedarValueException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    public CedarValueException(string path, string reason)
        : base($"{path}: {reason}")
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The key path of the value, e.g. <c>arguments.filter.city</c> or <c>arguments.items[2]</c>; empty when unknown.</summary>
    public string Path { get; } = "";

    /// <summary>Why it has no Cedar form, without the value.</summary>
    public string Reason { get; } = "";
}
