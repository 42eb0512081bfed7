using System.ClientModel;
using System.Text;
using AgentGateway.Tests.Infrastructure;
using Anthropic.Models.Messages;
using Microsoft.Extensions.DependencyInjection;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.Cache.CacheTestSetup;

namespace AgentGateway.Tests.Llm.Cache;

/// <summary>
/// The response cache through the official SDKs and MockLlm: a hit skips the provider (the mock's request count does
/// not move), answers never cross principals, and only complete successful answers are stored.
/// </summary>
public class ResponseCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SameRequestTwice_SecondIsAHit_AndSkipsTheProvider()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml(mock.BaseUrl));
        var chat = Chat(gw);

        var first = await chat.CompleteChatAsync([new UserChatMessage("cache me please")], cancellationToken: Ct);
        var second = await chat.CompleteChatAsync([new UserChatMessage("cache me please")], cancellationToken: Ct);

        Assert.Equal(1, mock.RequestCount);
        Assert.Equal("miss", CacheHeader(first));
        Assert.Equal("hit", CacheHeader(second));
        Assert.Equal("cache me please", second.Value.Content[0].Text);
        Assert.Equal(first.Value.Id, second.Value.Id);

        // Another prompt is another key.
        var other = await chat.CompleteChatAsync([new UserChatMessage("something else")], cancellationToken: Ct);
        Assert.Equal("miss", CacheHeader(other));
        Assert.Equal(2, mock.RequestCount);
    }

    [Fact]
    public async Task TwoPrincipals_SameRequest_EachGetsAMiss_NeverTheOthersAnswer()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml(mock.BaseUrl));

        var a = await Chat(gw, KeyA).CompleteChatAsync([new UserChatMessage("shared prompt")], cancellationToken: Ct);
        var b = await Chat(gw, KeyB).CompleteChatAsync([new UserChatMessage("shared prompt")], cancellationToken: Ct);
        var aAgain = await Chat(gw, KeyA).CompleteChatAsync([new UserChatMessage("shared prompt")], cancellationToken: Ct);
        var bAgain = await Chat(gw, KeyB).CompleteChatAsync([new UserChatMessage("shared prompt")], cancellationToken: Ct);

        Assert.Equal(("miss", "miss"), (CacheHeader(a), CacheHeader(b)));
        Assert.Equal(2, mock.RequestCount);
        Assert.NotEqual(a.Value.Id, b.Value.Id);

        // Each principal gets its own answer back (same id), never the other's.
        Assert.Equal(("hit", "hit"), (CacheHeader(aAgain), CacheHeader(bAgain)));
        Assert.Equal(a.Value.Id, aAgain.Value.Id);
        Assert.Equal(b.Value.Id, bAgain.Value.Id);
        Assert.Equal(2, mock.RequestCount);
    }

    [Fact]
    public async Task AnonymousRoute_PartitionsByCredential_AndWithoutOneNeverCaches()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml(mock.BaseUrl, anonymous: true));
        const string Body = """{"model":"mock-gpt","messages":[{"role":"user","content":"anonymous"}]}""";

        Assert.Equal("miss", (await PostAsync(gw, "/v1/chat/completions", Body, key: "caller-one")).Cache);
        Assert.Equal("miss", (await PostAsync(gw, "/v1/chat/completions", Body, key: "caller-two")).Cache);
        Assert.Equal("hit", (await PostAsync(gw, "/v1/chat/completions", Body, key: "caller-one")).Cache);
        Assert.Equal("bypass", (await PostAsync(gw, "/v1/chat/completions", Body, key: null)).Cache);
        Assert.Equal("bypass", (await PostAsync(gw, "/v1/chat/completions", Body, key: null)).Cache);
        Assert.Equal(4, mock.RequestCount);
    }

    [Fact]
    public async Task NoCacheHeader_Bypasses_AndNoStoreKeepsNothing()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml(mock.BaseUrl));
        const string Body = """{"model":"mock-gpt","messages":[{"role":"user","content":"fresh please"}]}""";
        const string Other = """{"model":"mock-gpt","messages":[{"role":"user","content":"never kept"}]}""";

        Assert.Equal("miss", (await PostAsync(gw, "/v1/chat/completions", Body)).Cache);
        var bypassed = await PostAsync(gw, "/v1/chat/completions", Body, KeyA, ("Cache-Control", "no-cache"));
        Assert.Equal((200, "bypass"), (bypassed.Status, bypassed.Cache));
        Assert.Equal(2, mock.RequestCount);
        Assert.Equal("hit", (await PostAsync(gw, "/v1/chat/completions", Body)).Cache);

        Assert.Equal("bypass", (await PostAsync(gw, "/v1/chat/completions", Other, KeyA, ("Cache-Control", "no-store"))).Cache);
        Assert.Equal("miss", (await PostAsync(gw, "/v1/chat/completions", Other)).Cache);
        Assert.Equal(4, mock.RequestCount);
    }

    [Fact]
    public async Task OpenAiStream_IsReplayedAsAStream_WithTheSameContent()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml(mock.BaseUrl));

        async Task<string> StreamAsync()
        {
            var text = new StringBuilder();
            await foreach (var update in Chat(gw).CompleteChatStreamingAsync([new UserChatMessage("streamed words come back")], cancellationToken: Ct))
            {
                foreach (var part in update.ContentUpdate)
                {
                    text.Append(part.Text);
                }
            }

            return text.ToString();
        }

        Assert.Equal("streamed words come back", await StreamAsync());
        Assert.Equal("streamed words come back", await StreamAsync());
        Assert.Equal(1, mock.RequestCount);

        var raw = await PostAsync(gw, "/v1/chat/completions", """{"model":"mock-gpt","stream":true,"messages":[{"role":"user","content":"raw stream"}]}""");
        var replay = await PostAsync(gw, "/v1/chat/completions", """{ "messages": [ {"content":"raw stream", "role":"user"} ], "stream": true, "model": "mock-gpt" }""");
        Assert.Equal(("miss", "hit"), (raw.Cache, replay.Cache));
        Assert.Equal(raw.Body, replay.Body);
        Assert.EndsWith("data: [DONE]\n\n", replay.Body, StringComparison.Ordinal);
        Assert.Equal(2, mock.RequestCount);
    }

    [Theory]
    [InlineData("anthropic")] // passthrough
    [InlineData("openai-compatible")] // translated to the messages API by the gateway
    public async Task AnthropicSdk_MessagesAndStreams_AreServedFromTheCache(string type)
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml(mock.BaseUrl, type));
        var sdk = new Anthropic.AnthropicClient { ApiKey = KeyB, BaseUrl = gw.BaseAddress.ToString().TrimEnd('/'), MaxRetries = 0 };
        MessageCreateParams Params(string prompt) => new() { MaxTokens = 64, Model = "claude-sonnet", Messages = [new UserMessageParam(prompt)] };

        var first = await sdk.Messages.Create(Params("hello anthropic cache"), Ct);
        var second = await sdk.Messages.Create(Params("hello anthropic cache"), Ct);
        Assert.Equal(first.ID, second.ID);
        Assert.True(second.Content[0].TryPickText(out var text));
        Assert.Equal("hello anthropic cache", text.Text);
        Assert.Equal(1, mock.RequestCount);

        async Task<(string Text, bool Stopped)> StreamAsync()
        {
            var streamed = new StringBuilder();
            var stopped = false;
            await foreach (var ev in sdk.Messages.CreateStreaming(Params("anthropic stream cached"), Ct))
            {
                stopped |= ev.TryPickStop(out _);
                if (ev.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var t))
                {
                    streamed.Append(t.Text);
                }
            }

            return (streamed.ToString(), stopped);
        }

        Assert.Equal(("anthropic stream cached", true), await StreamAsync());
        Assert.Equal(("anthropic stream cached", true), await StreamAsync());
        Assert.Equal(2, mock.RequestCount);
    }

    [Fact]
    public async Task TheClientApi_IsPartOfTheKey()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml(mock.BaseUrl));
        const string Body = """{"model":"mock-gpt","max_tokens":32,"messages":[{"role":"user","content":"same body two apis"}]}""";

        var chat = await PostAsync(gw, "/v1/chat/completions", Body);
        var messages = await PostAsync(gw, "/v1/messages", Body);

        Assert.Equal(("miss", "miss"), (chat.Cache, messages.Cache));
        Assert.Contains("chat.completion", chat.Body, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"message\"", messages.Body, StringComparison.Ordinal);
        Assert.Equal(2, mock.RequestCount);
    }

    [Fact]
    public async Task AnAnswer_ExpiresAfterItsTtl()
    {
        var clock = new ManualClock();
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml(mock.BaseUrl, cache: "{ ttl: 1m }"), configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var chat = Chat(gw);

        await chat.CompleteChatAsync([new UserChatMessage("short lived")], cancellationToken: Ct);
        clock.Now += TimeSpan.FromSeconds(59);
        Assert.Equal("hit", CacheHeader(await chat.CompleteChatAsync([new UserChatMessage("short lived")], cancellationToken: Ct)));
        clock.Now += TimeSpan.FromSeconds(2);
        Assert.Equal("miss", CacheHeader(await chat.CompleteChatAsync([new UserChatMessage("short lived")], cancellationToken: Ct)));
        Assert.Equal(2, mock.RequestCount);
    }

    [Fact]
    public async Task ErrorAnswers_AreNotCached()
    {
        // The first upstream call fails with a client error the gateway forwards; the retry must reach the provider.
        await using var mock = await MockLlmServer.StartAsync(new MockLlmOptions { FailStatus = 400, FailFirst = 1 }, Ct);
        await using var gw = await TestGateway.StartAsync(Yaml(mock.BaseUrl));
        var chat = Chat(gw);

        var failed = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage("fails once")], cancellationToken: Ct));
        Assert.Equal(400, failed.Status);
        var ok = await chat.CompleteChatAsync([new UserChatMessage("fails once")], cancellationToken: Ct);
        Assert.Equal("miss", CacheHeader(ok));
        Assert.Equal("hit", CacheHeader(await chat.CompleteChatAsync([new UserChatMessage("fails once")], cancellationToken: Ct)));
        Assert.Equal(2, mock.RequestCount);
    }

    [Fact]
    public async Task BrokenStreams_AreNotCached()
    {
        // Every stream is cut after two chunks: the gateway appends an error event, and nothing is stored.
        await using var mock = await MockLlmServer.StartAsync(new MockLlmOptions { DropAfterChunks = 2 }, Ct);
        await using var gw = await TestGateway.StartAsync(Yaml(mock.BaseUrl));
        const string Body = """{"model":"mock-gpt","stream":true,"messages":[{"role":"user","content":"this stream will break before it ends"}]}""";

        var first = await PostAsync(gw, "/v1/chat/completions", Body);
        var second = await PostAsync(gw, "/v1/chat/completions", Body);

        Assert.DoesNotContain("[DONE]", first.Body, StringComparison.Ordinal);
        Assert.Equal(("miss", "miss"), (first.Cache, second.Cache));
        Assert.Equal(2, mock.RequestCount);
    }

    [Fact]
    public async Task AnswersOverMaxEntryBytes_AreServedButNotCached()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml(mock.BaseUrl, cache: "{ ttl: 10m, maxEntryBytes: 64 }"));

        var first = await Chat(gw).CompleteChatAsync([new UserChatMessage("an answer longer than sixty-four bytes")], cancellationToken: Ct);
        var second = await Chat(gw).CompleteChatAsync([new UserChatMessage("an answer longer than sixty-four bytes")], cancellationToken: Ct);

        Assert.Equal("an answer longer than sixty-four bytes", first.Value.Content[0].Text);
        Assert.Equal(("miss", "miss"), (CacheHeader(first), CacheHeader(second)));
        Assert.Equal(2, mock.RequestCount);
    }
}
