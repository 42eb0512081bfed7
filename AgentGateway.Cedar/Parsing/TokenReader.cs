namespace AgentGateway.Cedar.Parsing;

/// <summary>Cursor over a token list with the expect/accept helpers both parsers use.</summary>
internal class TokenReader(string text)
{
    private readonly List<Token> _tokens = CedarLexer.Tokenize(text);
    private int _pos;

    internal Token Peek => _tokens[_pos];

    internal Token PeekAt(int offset) => _tokens[Math.Min(_pos + offset, _tokens.Count - 1)];

    internal bool AtEnd => Peek.Kind == TokenKind.End;

    internal Token Next()
    {
        var t = _tokens[_pos];
        if (_pos < _tokens.Count - 1)
        {
            _pos++;
        }

        return t;
    }

    internal bool Accept(string punct)
    {
        if (!Peek.Is(punct))
        {
            return false;
        }

        Next();
        return true;
    }

    internal bool AcceptIdent(string word)
    {
        if (!Peek.IsIdent(word))
        {
            return false;
        }

        Next();
        return true;
    }

    internal Token Expect(string punct) =>
        Peek.Is(punct) ? Next() : throw Error($"expected `{punct}`, found {Describe(Peek)}");

    internal void ExpectIdent(string word)
    {
        if (!AcceptIdent(word))
        {
            throw Error($"expected `{word}`, found {Describe(Peek)}");
        }
    }

    internal string ExpectIdent() =>
        Peek.Kind == TokenKind.Ident ? Next().Text : throw Error($"expected an identifier, found {Describe(Peek)}");

    internal string ExpectString() =>
        Peek.Kind == TokenKind.String ? Decode(Next()) : throw Error($"expected a string literal, found {Describe(Peek)}");

    internal CedarParseException Error(string reason) => Error(reason, Peek);

    internal static CedarParseException Error(string reason, Token at) => new(reason, at.Line, at.Column);

    internal static string Decode(Token t) =>
        CedarText.Unescape(t.Text, out var error) ?? throw Error(error ?? "invalid string literal", t);

    internal static string Describe(Token t) => t.Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.String => "a string literal",
        _ => $"`{t.Text}`",
    };

    /// <summary>Reads <c>A::B::C</c>; stops before a <c>::</c> that is followed by a string (an entity id).</summary>
    internal string ParsePath(string first)
    {
        var path = first;
        while (Peek.Is("::") && PeekAt(1).Kind == TokenKind.Ident)
        {
            Next();
            path += "::" + Next().Text;
        }

        return path;
    }
}
