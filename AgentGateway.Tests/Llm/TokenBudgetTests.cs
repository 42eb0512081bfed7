using System.ClientModel;
using AgentGateway.Tests.Infrastructure;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm;

/// <summary>
/// The LLM handler reserves its estimate (prompt tokens + max_tokens) in the route's token limits before calling
/// a provider, settles the reported usage afterwards and gives the reservation back when the call failed.
/// </summary>
public class TokenBudgetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<TestGateway> GatewayAsync(MockLlmServer mock, long tokens) => TestGateway.StartAsync(
        "routes: [{ name: models, path: /v1, llm: models, policies: [tokens] }]\n"
        + "llm:\n  models:\n    providers:\n  "
        + Provider("p", "openai-compatible", mock.BaseUrl, "[mock-gpt]") + "\n"
        + $"policies: {{ tokens: {{ rateLimit: {{ tokens: {tokens}, per: 1h, key: route }} }} }}\n");

    private static async Task<int> ChatAsync(TestGateway gw, int maxTokens)
    {
        try
        {
            await OpenAiChat(gw, "mock-gpt").CompleteChatAsync(
                [new UserChatMessage("hello there")], new ChatCompletionOptions { MaxOutputTokenCount = maxTokens }, Ct);
            return 200;
        }
        catch (ClientResultException ex)
        {
            return ex.Status;
        }
    }

    [Fact]
    public async Task AnEstimateOverTheBudget_Is429_BeforeAnyProviderIsCalled()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await GatewayAsync(mock, 100);

        Assert.Equal(429, await ChatAsync(gw, maxTokens: 500));
        Assert.Equal(0, mock.RequestCount);

        // The rejected estimate took nothing from the window: a call that fits still goes through.
        Assert.Equal(200, await ChatAsync(gw, maxTokens: 20));
        Assert.Equal(1, mock.RequestCount);
    }

    [Fact]
    public async Task TheReportedUsage_ReplacesTheEstimate()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await GatewayAsync(mock, 1000);

        // Each call reserves ~900 tokens but the mock uses a handful: without settling, the second is rejected.
        Assert.Equal(200, await ChatAsync(gw, maxTokens: 900));
        Assert.Equal(200, await ChatAsync(gw, maxTokens: 900));
        Assert.Equal(2, mock.RequestCount);
    }

    [Fact]
    public async Task AFailedCall_GivesItsReservationBack()
    {
        await using var mock = await MockLlmServer.StartAsync(new MockLlmOptions { FailStatus = 500 }, Ct);
        await using var gw = await GatewayAsync(mock, 1000);

        // Without the release the second call would find 900 of 1000 tokens taken and be refused with 429.
        Assert.Equal(502, await ChatAsync(gw, maxTokens: 900));
        Assert.Equal(502, await ChatAsync(gw, maxTokens: 900));
        Assert.Equal(2, mock.RequestCount);
    }
}
