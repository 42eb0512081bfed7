using AgentGateway.Llm;
using AgentGateway.Llm.Guards;

namespace AgentGateway.Tests.Llm.Guards;

public class GuardRuleTests
{
    private static GuardSet Mask(params string[] builtins) =>
        GuardSet.Build([.. builtins.Select(b => new LlmGuardRuleConfig { Builtin = b })], onRequest: true);

    [Theory]
    [InlineData("email", "write to jane.doe+x@example.co.uk today", "write to [EMAIL] today")]
    [InlineData("phone", "call +1 415-555-0100 now", "call [PHONE] now")]
    [InlineData("phone", "call (415) 555-0100 now", "call [PHONE] now")]
    [InlineData("credit-card", "card 4111 1111 1111 1111 ok", "card [CREDIT_CARD] ok")]
    [InlineData("ssn", "ssn 123-45-6789.", "ssn [SSN].")]
    [InlineData("secret", "key sk-proj-abcdefghijklmnopqrstuvwxyz0123 here", "key [SECRET] here")]
    [InlineData("secret", "aws AKIAABCDEFGHIJKLMNOP id", "aws [SECRET] id")]
    public void Builtin_MasksItsPattern(string builtin, string input, string expected) =>
        Assert.Equal(expected, Mask(builtin).Apply(input));

    [Theory]
    [InlineData("credit-card", "order 4111 1111 1111 1112")] // fails the Luhn check
    [InlineData("ssn", "id 000-12-3456")] // area 000 is never issued
    [InlineData("email", "no address here @ all")]
    [InlineData("secret", "sk-short")]
    public void Builtin_LeavesLookalikesAlone(string builtin, string input) =>
        Assert.Equal(input, Mask(builtin).Apply(input));

    [Fact]
    public void RejectRule_ThrowsWithGuardNameNotTheMatch()
    {
        var guards = GuardSet.Build([new LlmGuardRuleConfig { Regex = "project-[0-9]+", Action = "reject", Name = "codename" }], onRequest: true);

        var ex = Assert.Throws<GuardRejectedException>(() => guards.Apply("about project-42"));

        Assert.Equal("codename", ex.GuardName);
        Assert.DoesNotContain("project-42", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomRegexMask_UsesItsNameAsPlaceholder()
    {
        var guards = GuardSet.Build([new LlmGuardRuleConfig { Regex = "ticket-[0-9]+", Name = "ticket" }], onRequest: false);

        Assert.Equal("see [TICKET] and [TICKET]", guards.Apply("see ticket-1 and ticket-22"));
    }

    [Fact]
    public void StreamGuard_CatchesSecretSplitAcrossChunks()
    {
        var stream = new StreamGuard(Mask("secret"));
        var secret = "sk-" + new string('a', 30);
        var chunks = new[] { "prefix text " + secret[..10], secret[10..], " and then some more words to push the window forward " + new string('x', 150) };

        var released = string.Concat(chunks.Select(stream.Push)) + stream.Flush();

        Assert.DoesNotContain(secret[..10], released, StringComparison.Ordinal);
        Assert.Contains("prefix text [SECRET] and then", released, StringComparison.Ordinal);
        Assert.EndsWith(new string('x', 150), released, StringComparison.Ordinal);
    }

    [Fact]
    public void StreamGuard_RejectSplitAcrossChunks_Throws()
    {
        var stream = new StreamGuard(GuardSet.Build([new LlmGuardRuleConfig { Builtin = "ssn", Action = "reject" }], onRequest: false));

        stream.Push("number is 123-4");
        Assert.Throws<GuardRejectedException>(() => { stream.Push("5-6789 ok"); stream.Flush(); });
    }
}
