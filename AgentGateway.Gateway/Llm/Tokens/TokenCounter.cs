namespace AgentGateway.Llm.Tokens;

/// <summary>
/// Counts tokens with o200k_base when a provider reports no usage (an estimate for non-OpenAI models) and for the
/// token-limit reservation made before a call. The cost is bounded: see <see cref="TokenTally"/>.
/// </summary>
internal static class TokenCounter
{
    /// <summary>Counts one text on its own budget.</summary>
    public static long Count(string? text, CancellationToken cancellationToken = default)
    {
        var tally = new TokenTally(cancellationToken);
        tally.Add(text);
        return tally.Total;
    }
}
