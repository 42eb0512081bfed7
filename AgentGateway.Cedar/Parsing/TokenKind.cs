namespace AgentGateway.Cedar.Parsing;

/// <summary>Lexical token categories.</summary>
internal enum TokenKind
{
    Ident,
    String,
    Int,
    Punct,
    End,
}
