using AgentGateway.Tests.Infrastructure;
using MockLlm;
using OpenAI;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm;

/// <summary><c>passthrough: true</c>: each caller's own key reaches the provider, even when callers overlap.</summary>
public class PassthroughCredentialTests
{
    private const int CallsPerCaller = 6;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("openai-compatible", "Authorization", "Bearer ")] // bytes pass through
    [InlineData("anthropic", "x-api-key", "")] // translated through the provider's SDK client
    public async Task PassthroughTrue_ConcurrentCallersWithDifferentKeys_EachReachUpstreamWithTheirOwnKey(string type, string header, string scheme)
    {
        // Latency keeps the callers' requests in flight together, so a credential shared between them would leak.
        await using var mock = await MockLlmServer.StartAsync(new MockLlmOptions { LatencyMs = 150 }, Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("byok", type, mock.BaseUrl, "[gpt-x]", "passthrough: true")));
        string[] keys = ["key-of-alice", "key-of-bob"];

        await Task.WhenAll(keys.SelectMany(key => Enumerable.Range(0, CallsPerCaller).Select(async i =>
        {
            var client = new ChatClient("gpt-x", new System.ClientModel.ApiKeyCredential(key), OpenAiOptions(gw));
            ChatCompletion answer = await client.CompleteChatAsync([new UserChatMessage($"sent by {key} #{i}")], cancellationToken: Ct);
            Assert.Equal($"sent by {key} #{i}", answer.Content[0].Text);
        })));

        Assert.Equal(keys.Length * CallsPerCaller, mock.RequestCount);
        Assert.All(mock.Requests, r =>
        {
            var sender = keys.Single(k => r.Body.Contains("sent by " + k, StringComparison.Ordinal));
            Assert.Equal(scheme + sender, r.Headers[header]);
        });
    }
}
