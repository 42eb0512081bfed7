using System.ClientModel;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AgentGateway.Tests.Infrastructure;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.Cache.CacheTestSetup;

namespace AgentGateway.Tests.Llm.Cache;

/// <summary>A hit costs nothing in token limits, is counted in the cache metric, and a Redis store is shared by replicas.</summary>
public class ResponseCacheBudgetAndRedisTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Status, string? Cache)> ChatAsync(ChatClient chat, string prompt)
    {
        try
        {
            var result = await chat.CompleteChatAsync([new UserChatMessage(prompt)], new ChatCompletionOptions { MaxOutputTokenCount = 10 }, Ct);
            return (200, CacheHeader(result));
        }
        catch (ClientResultException ex)
        {
            return (ex.Status, ex.GetRawResponse()?.Headers.TryGetValue("x-agentgateway-cache", out var v) == true ? v : null);
        }
    }

    [Fact]
    public async Task Hits_ReserveNoTokenBudget()
    {
        // 14 tokens per hour: one call reserves its estimate (prompt + max_tokens 10 = 12) and settles ~4 (the mock's
        // usage); a second call to the provider would need 12 more and is refused. Hits never reserve.
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml(mock.BaseUrl, policyExtra: "    rateLimit: { tokens: 14, per: 1h, key: route }\n"));
        var chat = Chat(gw);

        Assert.Equal((200, "miss"), await ChatAsync(chat, "hello there"));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal((200, "hit"), await ChatAsync(chat, "hello there"));
        }

        // The budget is spent for anything the provider would have to answer.
        Assert.Equal(429, (await ChatAsync(chat, "there hello")).Status);
        Assert.Equal(1, mock.RequestCount);
    }

    [Fact]
    public async Task Results_AreCountedInTheCacheMetric()
    {
        var route = "cache-metric-" + Guid.NewGuid().ToString("N")[..8];
        var counts = new ConcurrentDictionary<string, long>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "AgentGateway" && instrument.Name == "agentgateway.llm.cache.requests")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? result = null, routeTag = null;
            foreach (var tag in tags)
            {
                result = tag.Key == "result" ? tag.Value as string : result;
                routeTag = tag.Key == "route" ? tag.Value as string : routeTag;
            }

            if (routeTag == route && result is not null)
            {
                counts.AddOrUpdate(result, value, (_, v) => v + value);
            }
        });
        meters.Start();

        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml(mock.BaseUrl, route: route));
        const string Body = """{"model":"mock-gpt","messages":[{"role":"user","content":"count me"}]}""";
        await PostAsync(gw, "/v1/chat/completions", Body);
        await PostAsync(gw, "/v1/chat/completions", Body);
        await PostAsync(gw, "/v1/chat/completions", Body);
        await PostAsync(gw, "/v1/chat/completions", Body, KeyA, ("Cache-Control", "no-cache"));

        Assert.Equal(1, counts.GetValueOrDefault("miss"));
        Assert.Equal(2, counts.GetValueOrDefault("hit"));
        Assert.Equal(1, counts.GetValueOrDefault("bypass"));
    }

    [Fact]
    public async Task RedisStore_IsSharedByTwoGateways_ButNotAcrossPrincipals()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString };
        var yaml = Yaml(mock.BaseUrl, cache: "{ ttl: 10m, store: redis }");
        await using var one = await TestGateway.StartAsync(yaml, settings);
        await using var two = await TestGateway.StartAsync(yaml, settings);

        var first = await Chat(one).CompleteChatAsync([new UserChatMessage("shared through redis")], cancellationToken: Ct);
        var second = await Chat(two).CompleteChatAsync([new UserChatMessage("shared through redis")], cancellationToken: Ct);
        var otherPrincipal = await Chat(two, KeyB).CompleteChatAsync([new UserChatMessage("shared through redis")], cancellationToken: Ct);

        Assert.Equal(("miss", "hit", "miss"), (CacheHeader(first), CacheHeader(second), CacheHeader(otherPrincipal)));
        Assert.Equal(first.Value.Id, second.Value.Id);
        Assert.NotEqual(first.Value.Id, otherPrincipal.Value.Id);
        Assert.Equal(2, mock.RequestCount);
    }
}
