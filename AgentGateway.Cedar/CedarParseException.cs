namespace AgentGateway.Cedar;

/// <summary>Thrown when policy or schema text is malformed; carries the 1-based position of the problem.</summary>
public sealed class CedarParseException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public CedarParseException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CedarParseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public CedarParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem at a position of the text.</summary>
    /// <param name="reason">What is wrong.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column.</param>
    public CedarParseException(string reason, int line, int column)
        : base($"{reason} (line {line}, column {column})")
    {
        Reason = reason;
        Line = line;
        Column = column;
    }

    /// <summary>The problem without the position suffix.</summary>
    public string Reason { get; } = "";

    /// <summary>The 1-based line of the problem (0 when unknown).</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the problem (0 when unknown).</summary>
    public int Column { get; }
}
