namespace AgentGateway.Admin.Api;

/// <summary>
/// Where each policy of a Cedar text starts and ends, in file order, so the UI can highlight the policies a decision
/// names (ids are <c>policy0</c>, <c>policy1</c>, … in file order). A policy ends at a <c>;</c> outside strings and
/// comments; its span starts at its first annotation or keyword, after whitespace and comments.
/// </summary>
internal static class CedarPolicySpans
{
    public static IReadOnlyList<(int Start, int End)> Find(string text)
    {
        var spans = new List<(int, int)>();
        int? start = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            start ??= i;
            if (c == '"')
            {
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    if (text[i] == '\\')
                    {
                        i++;
                    }
                }
            }
            else if (c == ';')
            {
                spans.Add((start.Value, i + 1));
                start = null;
            }
        }

        return spans;
    }
}
