namespace AgentGateway.Cedar.Parsing;

/// <summary>Splits policy or schema text into tokens, tracking 1-based line and column for errors.</summary>
internal static class CedarLexer
{
    private static readonly string[] TwoCharPuncts = ["==", "!=", "<=", ">=", "&&", "||", "::"];
    private const string OneCharPuncts = "(){}[],;:.@?<>!+-*=";

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0, line = 1, lineStart = 0;
        while (true)
        {
            // Skip whitespace and // comments.
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\n')
                {
                    i++;
                    line++;
                    lineStart = i;
                }
                else if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
                {
                    while (i < text.Length && text[i] != '\n')
                    {
                        i++;
                    }
                }
                else
                {
                    break;
                }
            }

            var col = i - lineStart + 1;
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "end of input", line, col));
                return tokens;
            }

            var ch = text[i];
            if (char.IsAsciiLetter(ch) || ch == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Ident, text[start..i], line, col));
            }
            else if (char.IsAsciiDigit(ch))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Int, text[start..i], line, col));
            }
            else if (ch == '"')
            {
                var start = ++i;
                var startLine = line;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\')
                    {
                        i++;
                    }

                    if (i < text.Length && text[i] == '\n')
                    {
                        line++;
                        lineStart = i + 1;
                    }

                    i++;
                }

                if (i >= text.Length)
                {
                    throw new CedarParseException("unterminated string literal", startLine, col);
                }

                tokens.Add(new Token(TokenKind.String, text[start..i], startLine, col));
                i++;
            }
            else if (i + 1 < text.Length && Array.IndexOf(TwoCharPuncts, text.Substring(i, 2)) >= 0)
            {
                tokens.Add(new Token(TokenKind.Punct, text.Substring(i, 2), line, col));
                i += 2;
            }
            else if (OneCharPuncts.Contains(ch, StringComparison.Ordinal))
            {
                tokens.Add(new Token(TokenKind.Punct, ch.ToString(), line, col));
                i++;
            }
            else
            {
                throw new CedarParseException($"unexpected character '{ch}'", line, col);
            }
        }
    }
}
