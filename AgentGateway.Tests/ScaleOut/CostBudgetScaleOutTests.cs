using System.ClientModel;
using AgentGateway.Security;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.ScaleOut;

/// <summary>
/// A USD budget shared through Redis by three replicas behind a round-robin front stops its caller within one call
/// of the limit, while another caller with its own budget goes on.
/// </summary>
public class CostBudgetScaleOutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AUsdBudget_StopsItsCaller_AtTheRightCall_AcrossThreeReplicasSharingRedis()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        // $100 per million tokens; MockLlm reports "one two three four five" as 5 + 5 tokens: $0.001 per call.
        await using var cluster = await ReplicaCluster.StartAsync($$"""
            routes: [{ name: models, path: /v1, llm: models, policies: [who, spend] }]
            llm:
              models:
                providers:
                {{Provider("up", "openai-compatible", mock.BaseUrl, "[mock-gpt]")}}
                prices: { mock-gpt: { input: 100, output: 100 } }
            policies:
              who:
                authentication:
                  apiKeys:
                    - { name: alice, keyHash: "{{SecretHash.Sha256("alice-key")}}" }
                    - { name: bob, keyHash: "{{SecretHash.Sha256("bob-key")}}" }
              spend: { budget: { usd: 0.01, per: 1h, key: principal, store: redis } }
            """);
        ChatClient Chat(string key) => new("mock-gpt", new ApiKeyCredential(key), OpenAiOptions(cluster.Front));
        async Task<int> CallAsync(ChatClient chat)
        {
            try
            {
                await chat.CompleteChatAsync([new UserChatMessage("one two three four five")], new ChatCompletionOptions { MaxOutputTokenCount = 5 }, Ct);
                return 200;
            }
            catch (ClientResultException ex)
            {
                return ex.Status;
            }
        }

        var alice = Chat("alice-key");
        var statuses = new List<int>();
        for (var i = 0; i < 14 && (statuses.Count == 0 || statuses[^1] == 200); i++)
        {
            statuses.Add(await CallAsync(alice));
        }

        // $0.01 buys ten calls of $0.001: the eleventh is refused (one call of slack either way).
        var stoppedAt = statuses.IndexOf(429) + 1;
        Assert.True(stoppedAt is >= 10 and <= 12, $"alice was stopped at call {stoppedAt}: {string.Join(",", statuses)}");
        Assert.All(statuses[..^1], s => Assert.Equal(200, s));
        Assert.Equal(429, await CallAsync(alice));
        Assert.All(Enumerable.Range(0, 3), i => Assert.True(cluster.Served(i, "models"), $"replica {i} served none of the calls"));

        var bob = Chat("bob-key");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, await CallAsync(bob));
        }

        Assert.Equal(stoppedAt - 1 + 3, mock.RequestCount);
    }
}
