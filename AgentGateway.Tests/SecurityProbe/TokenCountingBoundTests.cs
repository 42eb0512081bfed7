using System.Net;
using System.Text;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using MockLlm;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// Issue 22, item 8: counting a prompt's tokens was quadratic in the length of a word (200 KB without whitespace took
/// 14–25 s of CPU) and ran on after the client left. Counting is now bounded: the first 64K characters are tokenized
/// in pieces, the rest counts one token per UTF-8 byte (an upper bound). Before the fix these requests did not finish
/// within the client's timeout; the assertions below are on behaviour only (which estimate was used), not on time.
/// </summary>
public class TokenCountingBoundTests
{
    private const int PromptChars = 2_000_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Chat(string prompt) => new(
        JsonSerializer.Serialize(new { model = "mock-gpt", messages = new[] { new { role = "user", content = prompt } } }),
        Encoding.UTF8,
        "application/json");

    [Fact]
    public async Task TwoMegabytesWithoutWhitespace_OnATokenLimitedRoute_IsRefusedByTheUpperBound_WithoutCallingTheProvider()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(
            "routes: [{ name: models, path: /v1, llm: models, policies: [tokens] }]\n"
            + "llm:\n  models:\n    providers:\n  " + Provider("p", "openai-compatible", mock.BaseUrl, "[mock-gpt]") + "\n"
            + "policies: { tokens: { rateLimit: { tokens: 1000000, per: 1h, key: route } } }\n");
        using var client = gw.CreateClient();

        // Tokenized whole, 2M 'a's are ~250K tokens and would fit; the bounded estimate (~1.94M) does not.
        var big = await client.PostAsync("/v1/chat/completions", Chat(new string('a', PromptChars)), Ct);
        var small = await client.PostAsync("/v1/chat/completions", Chat("hello"), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, big.StatusCode);
        Assert.Equal(HttpStatusCode.OK, small.StatusCode); // the refused estimate took nothing from the window
        Assert.Equal(1, mock.RequestCount);
    }

    [Fact]
    public async Task TwoMegabytesWithoutWhitespace_ToAProviderReportingNoUsage_IsAnsweredWithTheBoundedCount()
    {
        // The in-process mock provider reports no usage and echoes the prompt, so input and output are both counted.
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n  - { name: m, type: mock, models: [mock-gpt] }"));

        var response = await gw.CreateClient().PostAsync("/v1/chat/completions", Chat(new string('a', PromptChars)), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var usage = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("usage");
        var beyondBudget = PromptChars - AgentGateway.Llm.Tokens.TokenTally.ExactChars;
        Assert.InRange(usage.GetProperty("prompt_tokens").GetInt64(), beyondBudget, beyondBudget + AgentGateway.Llm.Tokens.TokenTally.ExactChars);
        Assert.InRange(usage.GetProperty("completion_tokens").GetInt64(), beyondBudget, beyondBudget + AgentGateway.Llm.Tokens.TokenTally.ExactChars);
    }
}
