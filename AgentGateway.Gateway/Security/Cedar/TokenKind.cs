namespace AgentGateway.Security.Cedar;

/// <summary>Lexical token categories.</summary>
internal enum TokenKind
{
    Ident,
    String,
    Int,
    Punct,
    End,
}
