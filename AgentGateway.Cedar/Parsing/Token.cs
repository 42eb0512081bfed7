namespace AgentGateway.Cedar.Parsing;

/// <summary>A lexical token; for strings <see cref="Text"/> is the raw text between the quotes (escapes not yet decoded).</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column)
{
    public bool Is(string punct) => Kind == TokenKind.Punct && Text == punct;

    public bool IsIdent(string word) => Kind == TokenKind.Ident && Text == word;
}
