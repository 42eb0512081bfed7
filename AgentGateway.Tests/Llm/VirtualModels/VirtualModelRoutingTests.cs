using System.Net.Http.Json;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using Anthropic.Models.Messages;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.LlmTestSetup;
using static AgentGateway.Tests.Llm.VirtualModels.VirtualModelSetup;

namespace AgentGateway.Tests.Llm.VirtualModels;

/// <summary>Virtual models through the real gateway, called with the official SDKs, answered by MockLlm servers (one per provider).</summary>
public class VirtualModelRoutingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<MockLlmServer[]> MocksAsync(params MockLlmOptions[] options) =>
        await Task.WhenAll(options.Select(o => MockLlmServer.StartAsync(o, Ct)));

    private static async Task DisposeAsync(IEnumerable<MockLlmServer> mocks)
    {
        foreach (var mock in mocks)
        {
            await mock.DisposeAsync();
        }
    }

    private static async Task ChatAsync(TestGateway gw, string model, int calls, int parallel = 1)
    {
        var client = OpenAiChat(gw, model);
        await Parallel.ForAsync(0, calls, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = Ct }, async (i, ct) =>
        {
            ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage($"call {i}")], cancellationToken: ct);
            Assert.Equal($"call {i}", completion.Content[0].Text);
        });
    }

    [Fact]
    public async Task Weighted_1000CallsWithTheOpenAiClient_SplitWithinFivePercentOfTheWeights()
    {
        var mocks = await MocksAsync(new(), new(), new());
        try
        {
            // p1 is an Anthropic provider: the split holds whether the gateway passes through or translates.
            await using var gw = await TestGateway.StartAsync(Yaml("smart", mocks, "strategy: weighted\n" + Targets(5, 3, 2), type: "mixed"));

            await ChatAsync(gw, "smart", 1000, parallel: 4);

            int[] weights = [5, 3, 2];
            for (var i = 0; i < mocks.Length; i++)
            {
                var expected = 1000.0 * weights[i] / 10;
                Assert.InRange(mocks[i].RequestCount, expected * 0.95, expected * 1.05);
                Assert.All(mocks[i].Requests, r => Assert.Contains("\"mock-gpt\"", r.Body, StringComparison.Ordinal)); // the target's model went upstream
            }
        }
        finally
        {
            await DisposeAsync(mocks);
        }
    }

    [Fact]
    public async Task Weighted_WithTheAnthropicClient_FollowsTheWeights()
    {
        var mocks = await MocksAsync(new(), new());
        try
        {
            await using var gw = await TestGateway.StartAsync(Yaml("claude-mix", mocks, Targets(3, 1), type: "anthropic"));
            var client = AnthropicSdk(gw);

            for (var i = 0; i < 100; i++)
            {
                var message = await client.Messages.Create(new MessageCreateParams { Model = "claude-mix", MaxTokens = 50, Messages = [new UserMessageParam($"call {i}")] }, Ct);
                Assert.True(message.Content[0].TryPickText(out var text));
                Assert.Equal($"call {i}", text.Text);
            }

            Assert.InRange(mocks[0].RequestCount, 71, 79);
            Assert.InRange(mocks[1].RequestCount, 21, 29);
        }
        finally
        {
            await DisposeAsync(mocks);
        }
    }

    [Fact]
    public async Task Failover_TriesTargetsInConfigOrder_AndAnAliasMayNameAVirtualModel()
    {
        var mocks = await MocksAsync(new() { FailStatus = 503 }, new() { FailStatus = 500 }, new(), new());
        try
        {
            await using var gw = await TestGateway.StartAsync(Yaml("ordered", mocks, "strategy: failover\nejection: { consecutiveFailures: 0 }\n" + Targets(1, 1, 1, 1), extra: "aliases: { best: ordered }"));

            await ChatAsync(gw, "best", 5);

            Assert.Equal([5, 5, 5, 0], mocks.Select(m => m.RequestCount));
        }
        finally
        {
            await DisposeAsync(mocks);
        }
    }

    [Fact]
    public async Task LeastLatency_MovesTrafficOffAProviderMadeSlow()
    {
        var slowOptions = new MockLlmOptions();
        var mocks = await MocksAsync(slowOptions, new());
        try
        {
            await using var gw = await TestGateway.StartAsync(Yaml("quick", mocks, "strategy: leastLatency\n" + Targets(1, 1)));
            await ChatAsync(gw, "quick", 20); // both fast: both measured

            slowOptions.LatencyMs = 300; // the mock's latency fault, from now on
            var before = mocks[0].RequestCount;
            await ChatAsync(gw, "quick", 60);

            // Round-robin would send it 30 of 60; least latency sends it the exploration picks (one in ten) and not much more.
            var slowShare = (mocks[0].RequestCount - before) / 60.0;
            Assert.InRange(slowShare, 1 / 60.0, 0.2);
        }
        finally
        {
            await DisposeAsync(mocks);
        }
    }

    [Fact]
    public async Task LeastInflight_SendsRequestsToTheProviderWithLessInFlight()
    {
        var mocks = await MocksAsync(new() { LatencyMs = 3000 }, new());
        try
        {
            await using var gw = await TestGateway.StartAsync(Yaml("spread", mocks, "strategy: leastInflight\n" + Targets(1, 1)));
            var held = ChatAsync(gw, "spread", 1); // idle targets: the rotation starts at p0, which holds this call for 3 s
            while (mocks[0].RequestCount == 0)
            {
                await Task.Delay(10, Ct);
            }

            await ChatAsync(gw, "spread", 10);
            await held;

            Assert.Equal(1, mocks[0].RequestCount); // round-robin would have sent it 5 of the 10
            Assert.Equal(10, mocks[1].RequestCount);
        }
        finally
        {
            await DisposeAsync(mocks);
        }
    }

    [Fact]
    public async Task Ejection_AfterConsecutiveFailures_ThenBackAfterTheCoolDown()
    {
        var flaky = new MockLlmOptions { FailStatus = 503 };
        var mocks = await MocksAsync(flaky, new());
        try
        {
            await using var gw = await TestGateway.StartAsync(Yaml("steady", mocks, "ejection: { consecutiveFailures: 3, coolDown: 8s }\n" + Targets(1, 1)));

            await ChatAsync(gw, "steady", 12); // every call succeeds (failover to p1); p0 fails three times and is ejected

            Assert.Equal(3, mocks[0].RequestCount);
            Assert.Equal(12, mocks[1].RequestCount);

            flaky.FailStatus = null; // recovered, but ejected until the cool-down ends
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (mocks[0].RequestCount == 3 && DateTime.UtcNow < deadline)
            {
                await ChatAsync(gw, "steady", 1);
                await Task.Delay(200, Ct);
            }

            Assert.Equal(4, mocks[0].RequestCount); // back in rotation
            await ChatAsync(gw, "steady", 10);
            Assert.InRange(mocks[0].RequestCount, 8, 10); // and sharing the traffic again
        }
        finally
        {
            await DisposeAsync(mocks);
        }
    }

    [Fact]
    public async Task ModelsList_IncludesVirtualModels()
    {
        var mocks = await MocksAsync(new MockLlmOptions());
        try
        {
            await using var gw = await TestGateway.StartAsync(Yaml("listed", mocks, Targets(1)));

            var list = await gw.CreateClient().GetFromJsonAsync<JsonElement>("/v1/models", Ct);

            Assert.Contains(list.GetProperty("data").EnumerateArray(), m => m.GetProperty("id").GetString() == "listed" && m.GetProperty("owned_by").GetString() == "virtual");
        }
        finally
        {
            await DisposeAsync(mocks);
        }
    }
}
