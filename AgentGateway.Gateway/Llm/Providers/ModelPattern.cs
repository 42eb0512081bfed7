namespace AgentGateway.Llm.Providers;

/// <summary>Matches model names against config patterns where <c>*</c> stands for any run of characters.</summary>
internal static class ModelPattern
{
    public static bool IsWildcard(string pattern) => pattern.Contains('*', StringComparison.Ordinal);

    public static bool Matches(string pattern, string model) => Match(pattern.AsSpan(), model.AsSpan());

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        while (true)
        {
            var star = pattern.IndexOf('*');
            if (star < 0)
            {
                return pattern.Equals(text, StringComparison.OrdinalIgnoreCase);
            }

            if (text.Length < star || !pattern[..star].Equals(text[..star], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            pattern = pattern[(star + 1)..];
            text = text[star..];
            if (pattern.IsEmpty)
            {
                return true;
            }

            for (var i = 0; i <= text.Length; i++)
            {
                if (Match(pattern, text[i..]))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
