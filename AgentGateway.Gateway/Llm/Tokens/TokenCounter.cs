using Microsoft.ML.Tokenizers;

namespace AgentGateway.Llm.Tokens;

/// <summary>Counts tokens with o200k_base when a provider reports no usage (an estimate for non-OpenAI models).</summary>
internal static class TokenCounter
{
    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static int Count(string? text) => string.IsNullOrEmpty(text) ? 0 : Tokenizer.Value.CountTokens(text);
}
