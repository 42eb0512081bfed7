using System.Text;
using Microsoft.ML.Tokenizers;

namespace AgentGateway.Llm.Tokens;

/// <summary>
/// Adds up the o200k_base token counts of several texts (one request's messages) at a bounded, cancellable cost.
/// The tokenizer's byte-pair encoding is quadratic in the length of a word: 200 KB without whitespace took tens of
/// seconds of CPU. So text is handed to it in pieces no longer than <see cref="MaxRun"/> characters without a word
/// break (a cut inside a word adds about a token), at most <see cref="ExactChars"/> characters per tally are
/// tokenized at all, and the rest is counted as its UTF-8 byte length — an upper bound, since every token is at least
/// one byte, so a token limit never under-counts. Cancellation is checked between pieces.
/// </summary>
internal sealed class TokenTally(CancellationToken cancellationToken)
{
    /// <summary>Characters per tally counted with the tokenizer; beyond them each UTF-8 byte counts as a token.</summary>
    public const int ExactChars = 64 * 1024;

    /// <summary>Longest stretch without a word break given to the tokenizer in one piece.</summary>
    public const int MaxRun = 64;

    // Text between word breaks is handed over in chunks of about this size (fewer calls, same count).
    private const int ChunkChars = 4096;

    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    private int _exactLeft = ExactChars;

    public long Total { get; private set; }

    /// <summary>Characters that were past the exact budget and counted by their UTF-8 length instead.</summary>
    public long EstimatedChars { get; private set; }

    public void Add(string? text) => Add(text.AsSpan());

    public void Add(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var exact = Math.Min(text.Length, _exactLeft);
        if (exact < text.Length && exact > 0 && char.IsHighSurrogate(text[exact - 1]))
        {
            exact--;
        }

        if (exact > 0)
        {
            CountExact(text[..exact]);
            _exactLeft -= exact;
        }

        var rest = text[exact..];
        if (!rest.IsEmpty)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Total += Encoding.UTF8.GetByteCount(rest);
            EstimatedChars += rest.Length;
        }
    }

    /// <summary>
    /// Cuts only where the tokenizer's own pre-tokenizer would (before whitespace that follows a non-space, as
    /// o200k_base starts a word with its leading space), and hard-cuts a stretch longer than <see cref="MaxRun"/>.
    /// </summary>
    private void CountExact(ReadOnlySpan<char> text)
    {
        int chunkStart = 0, runStart = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && !char.IsWhiteSpace(text[i - 1]))
            {
                runStart = i;
                if (i - chunkStart >= ChunkChars)
                {
                    CountPiece(text[chunkStart..i]);
                    chunkStart = i;
                }
            }
            else if (i - runStart >= MaxRun && !char.IsLowSurrogate(text[i]))
            {
                CountPiece(text[chunkStart..i]);
                chunkStart = runStart = i;
            }
        }

        CountPiece(text[chunkStart..]);
    }

    private void CountPiece(ReadOnlySpan<char> piece)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Total += Tokenizer.Value.CountTokens(piece);
    }
}
