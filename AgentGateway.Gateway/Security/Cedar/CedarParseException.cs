namespace AgentGateway.Security.Cedar;

/// <summary>Thrown when policy or schema text is malformed; carries the 1-based position of the problem.</summary>
public sealed class CedarParseException : Exception
{
    public CedarParseException()
    {
    }

    public CedarParseException(string message)
        : base(message)
    {
    }

    public CedarParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CedarParseException(string reason, int line, int column)
        : base($"{reason} (line {line}, column {column})")
    {
        Reason = reason;
        Line = line;
        Column = column;
    }

    /// <summary>The problem without the position suffix.</summary>
    public string Reason { get; } = "";

    public int Line { get; }

    public int Column { get; }
}
