using System.Text;
using AgentGateway.Llm.Tokens;
using Microsoft.ML.Tokenizers;

namespace AgentGateway.Tests.Llm.Tokens;

/// <summary>
/// The tally's cost is bounded (pieces of at most <see cref="TokenTally.MaxRun"/> characters without a break, at most
/// <see cref="TokenTally.ExactChars"/> characters tokenized) and its count never falls below the tokenizer's own.
/// </summary>
public class TokenTallyTests
{
    private static readonly Tokenizer Reference = TiktokenTokenizer.CreateForEncoding("o200k_base");

    private static string RandomLetters(int length, int seed)
    {
        var random = new Random(seed);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)('a' + random.Next(26));
        }

        return new string(chars);
    }

    private static string Prose(int length)
    {
        string[] words = ["The", "gateway", "counts", "tokens,", "once", "per", "request;", "it's", "bounded.", "\n\n", "Numbers", "like", "12345", "and", "  spaces", "café", "naïve", "東京"];
        var text = new StringBuilder();
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(words[i * 7 % words.Length]).Append(i % 5 == 0 ? "  " : " ");
        }

        return text.ToString(0, length);
    }

    [Fact]
    public void ProseWithWordBreaks_CountsExactlyLikeTheTokenizer()
    {
        var text = Prose(20_000);

        Assert.Equal(Reference.CountTokens(text), TokenCounter.Count(text, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void ALongWordWithoutWhitespace_IsCutIntoPieces_AndNeverCountsBelowTheTokenizer()
    {
        // 3,000 letters are still cheap to count whole (the quadratic cost bites from tens of thousands).
        var word = RandomLetters(3_000, seed: 7);
        var whole = Reference.CountTokens(word);

        var tally = new TokenTally(CancellationToken.None);
        tally.Add(word);

        Assert.InRange(tally.Total, whole, whole + (word.Length / TokenTally.MaxRun) + 1);
        Assert.Equal(0, tally.EstimatedChars);
    }

    [Fact]
    public void TextPastTheExactBudget_CountsEachUtf8ByteAsAToken()
    {
        // 2 MB of one "word": the first 64K characters are tokenized (in pieces), the rest is counted by bytes.
        var text = new string('a', 2_000_000);
        var exactPart = new TokenTally(CancellationToken.None);
        exactPart.Add(text.AsSpan(0, TokenTally.ExactChars));

        var tally = new TokenTally(CancellationToken.None);
        tally.Add(text);

        Assert.Equal(text.Length - TokenTally.ExactChars, tally.EstimatedChars);
        Assert.Equal(exactPart.Total + (text.Length - TokenTally.ExactChars), tally.Total);
    }

    [Fact]
    public void TheBudget_IsSharedByEveryTextOfOneTally()
    {
        var filler = new string('x', TokenTally.ExactChars);
        var tally = new TokenTally(CancellationToken.None);
        tally.Add(filler);
        tally.Add("東京"); // past the budget: 3 UTF-8 bytes each, an upper bound on their tokens

        Assert.Equal(2, tally.EstimatedChars);
        Assert.Equal(TokenCounter.Count(filler, TestContext.Current.CancellationToken) + 6, tally.Total);
    }

    [Fact]
    public void ACancelledRequest_StopsCounting()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => TokenCounter.Count(RandomLetters(10_000, seed: 3), cancelled.Token));
        Assert.Throws<OperationCanceledException>(() => TokenCounter.Count(new string('a', 200_000), cancelled.Token));
    }

    [Fact]
    public void ARequestCancelledMidTally_StopsAtTheNextPiece()
    {
        using var source = new CancellationTokenSource();
        var tally = new TokenTally(source.Token);
        tally.Add(RandomLetters(1_000, seed: 5));
        source.Cancel();

        Assert.Throws<OperationCanceledException>(() => tally.Add(RandomLetters(1_000, seed: 6)));
    }
}
