using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Traffic;

namespace AgentGateway.Tests.Traffic;

public class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [Fact]
    public async Task LocalRequestLimit_AdmitsTheLimit_ThenAnswers429WithRetryAfterAndRateLimitHeaders()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: r, path: /, http: b, policies: [quota] }]
            http: { b: { destinations: [{{echo.BaseAddress}}] } }
            policies: { quota: { rateLimit: { requests: 3, per: 1h, key: route } } }
            """);
        var client = gw.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            var ok = await client.GetAsync("/x", Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("3", Header(ok, "x-ratelimit-limit"));
            Assert.Equal((2 - i).ToString(CultureInfo.InvariantCulture), Header(ok, "x-ratelimit-remaining"));
        }

        var limited = await client.GetAsync("/x", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("0", Header(limited, "x-ratelimit-remaining"));
        var retryAfter = long.Parse(Header(limited, "Retry-After")!, CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Equal(Header(limited, "Retry-After"), Header(limited, "x-ratelimit-reset"));
        Assert.Equal("rate_limit_exceeded", (await limited.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(3, echo.RequestCount);
    }

    [Fact]
    public async Task RateLimit_OnMcpRoute_AnswersAJsonRpcError()
    {
        await using var gw = await TestGateway.StartAsync("""
            routes: [{ name: tools, path: /mcp, mcp: tools, policies: [quota] }]
            mcp: { tools: { targets: [{ name: t, url: "http://127.0.0.1:1/mcp" }] } }
            policies: { quota: { rateLimit: { requests: 1, per: 1h, key: ip } } }
            """, configure: DelegateBackendHandler.Register("mcp", ctx => ctx.Response.WriteAsync("{}", ctx.RequestAborted)));
        var client = gw.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/mcp", new StringContent("{}"), Ct)).StatusCode);

        var limited = await client.PostAsync("/mcp", new StringContent("{}"), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var body = await limited.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(-32000, body.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task TokenBudget_ReservesEstimates_SettlesActualUsage_AndRejectsWhenExhausted()
    {
        var handled = 0;
        await using var gw = await TestGateway.StartAsync("""
            routes: [{ name: chat, path: /, http: b, policies: [tokens] }]
            http: { b: { destinations: ["http://unused"] } }
            policies: { tokens: { rateLimit: { tokens: 100, per: 1h, key: route } } }
            """, configure: DelegateBackendHandler.Register("http", async ctx =>
            {
                Interlocked.Increment(ref handled);
                var budget = ctx.RequestServices.GetRequiredService<ITokenBudget>();
                var lease = await budget.ReserveAsync(ctx, long.Parse(ctx.Request.Query["estimate"]!, CultureInfo.InvariantCulture), ctx.RequestAborted);
                if (!lease.IsAcquired)
                {
                    return;
                }

                if (ctx.Request.Query.ContainsKey("fail"))
                {
                    lease.Release();
                    ctx.Response.StatusCode = StatusCodes.Status502BadGateway;
                    return;
                }

                await lease.SettleAsync(long.Parse(ctx.Request.Query["actual"]!, CultureInfo.InvariantCulture), ctx.RequestAborted);
                await ctx.Response.WriteAsync("ok", ctx.RequestAborted);
            }));
        var client = gw.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/?estimate=60&actual=30", Ct)).StatusCode);   // used 30
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/?estimate=60&actual=60", Ct)).StatusCode);   // used 90
        var noRoom = await client.GetAsync("/?estimate=60&actual=60", Ct);                                     // 90 + 60 > 100
        Assert.Equal(HttpStatusCode.TooManyRequests, noRoom.StatusCode);
        Assert.NotNull(Header(noRoom, "Retry-After"));
        Assert.Equal(HttpStatusCode.BadGateway, (await client.GetAsync("/?estimate=10&fail=1", Ct)).StatusCode); // released
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/?estimate=10&actual=10", Ct)).StatusCode);   // used 100
        Assert.Equal(5, handled);

        var exhausted = await client.GetAsync("/?estimate=1&actual=1", Ct);

        // The window is used up: rejected before the handler runs.
        Assert.Equal(HttpStatusCode.TooManyRequests, exhausted.StatusCode);
        Assert.Equal(5, handled);
        Assert.Equal("tokens", (await exhausted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetProperty("message").GetString()!.Split(' ')[2]);
    }

    [Fact]
    public async Task RedisLimit_SharedByThreeGateways_AdmitsWithinOnePercentOfTheLimit()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var echo = await EchoServer.StartAsync();
        var yaml = $$"""
            routes: [{ name: r, path: /, http: b, policies: [shared] }]
            http: { b: { destinations: [{{echo.BaseAddress}}] } }
            policies: { shared: { rateLimit: { requests: 300, per: 1h, key: route, store: redis, failOpen: false } } }
            """;
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString };
        await using var a = await TestGateway.StartAsync(yaml, settings);
        await using var b = await TestGateway.StartAsync(yaml, settings);
        await using var c = await TestGateway.StartAsync(yaml, settings);
        var clients = new[] { a.CreateClient(), b.CreateClient(), c.CreateClient() };

        var admitted = 0;
        var rejected = 0;
        await Parallel.ForAsync(0, 600, new ParallelOptions { MaxDegreeOfParallelism = 24, CancellationToken = Ct }, async (i, ct) =>
        {
            var response = await clients[i % 3].GetAsync("/x", ct);
            Interlocked.Increment(ref response.StatusCode == HttpStatusCode.OK ? ref admitted : ref rejected);
        });

        TestContext.Current.TestOutputHelper?.WriteLine($"limit 300, 600 requests over 3 gateways: {admitted} admitted, {rejected} rejected");
        Assert.InRange(admitted, 297, 303);
        Assert.Equal(600 - admitted, rejected);
        Assert.Equal(admitted, echo.RequestCount);
    }

    [Fact]
    public async Task RedisLimit_WhenRedisIsDown_FailsOpenOrClosedAsConfigured()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync($$"""
            routes:
              - { name: open, path: /open, http: b, policies: [open] }
              - { name: closed, path: /closed, http: b, policies: [closed] }
            http: { b: { destinations: [{{echo.BaseAddress}}] } }
            policies:
              open: { rateLimit: { requests: 100, per: 1h, store: redis, failOpen: true } }
              closed: { rateLimit: { requests: 100, per: 1h, store: redis, failOpen: false } }
            """, new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString });
        var client = gw.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/closed/x", Ct)).StatusCode);

        await redis.StopAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/open/x", Ct)).StatusCode);
        var closed = await client.GetAsync("/closed/x", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, closed.StatusCode);
        Assert.Equal("rate_limit_unavailable", (await closed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task ApiKeyLimit_CountsEachAuthenticatedKeySeparately()
    {
        static string Hash(string key) => "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: r, path: /, http: b, policies: [keys, quota] }]
            http: { b: { destinations: [{{echo.BaseAddress}}] } }
            policies:
              keys: { authentication: { apiKeys: [{ name: ci-bot, keyHash: "{{Hash("key-one")}}" }, { name: nightly, keyHash: "{{Hash("key-two")}}" }] } }
              quota: { rateLimit: { requests: 2, per: 1h, key: apiKey } }
            """);
        var client = gw.CreateClient();

        async Task<HttpStatusCode> Call(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/x");
            request.Headers.Add("x-api-key", key);
            return (await client.SendAsync(request, Ct)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await Call("key-one"));
        Assert.Equal(HttpStatusCode.OK, await Call("key-one"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Call("key-one"));
        Assert.Equal(HttpStatusCode.OK, await Call("key-two"));
    }

    [Fact]
    public async Task PrincipalLimit_AnApiKeyAndABasicUserOfTheSameName_CountSeparately()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: r, path: /, http: b, policies: [who, quota] }]
            http: { b: { destinations: [{{echo.BaseAddress}}] } }
            policies:
              who:
                authentication:
                  apiKeys: [{ name: alice, keyHash: "{{AgentGateway.Security.SecretHash.Sha256("the-key")}}" }]
                  basic: { users: [{ name: alice, passwordHash: "{{AgentGateway.Security.SecretHash.Sha256("pw")}}" }] }
              quota: { rateLimit: { requests: 1, per: 1h, key: principal } }
            """);
        var client = gw.CreateClient();

        async Task<HttpStatusCode> Call(string header, string value)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/x");
            request.Headers.TryAddWithoutValidation(header, value);
            return (await client.SendAsync(request, Ct)).StatusCode;
        }

        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:pw"));
        Assert.Equal(HttpStatusCode.OK, await Call("x-api-key", "the-key"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Call("x-api-key", "the-key"));

        // The key's caller spent its budget; the user who happens to share the name has not spent theirs.
        Assert.Equal(HttpStatusCode.OK, await Call("Authorization", basic));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Call("Authorization", basic));
    }

    [Fact]
    public async Task TokenLimit_OnLlmRoute_CountsTheUsageTheLlmHandlerReports_NotJustItsEstimate()
    {
        await using var gw = await TestGateway.StartAsync("""
            routes: [{ name: models, path: /v1, llm: models, policies: [tokens] }]
            llm:
              models:
                providers: [{ name: m, type: mock, models: ["*"] }]
            policies: { tokens: { rateLimit: { tokens: 12, per: 1h, key: route } } }
            """);
        var client = gw.CreateClient();

        // The prompt's estimate (~8 tokens) fits in the window; the reported usage (prompt + echoed answer) does not.
        const string Chat = """{"model":"gpt-test","messages":[{"role":"user","content":"count these words please, all of them"}]}""";

        var first = await client.PostAsync("/v1/chat/completions", new StringContent(Chat, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var used = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("usage").GetProperty("total_tokens").GetInt64();
        Assert.True(used > 12, $"the mock reported {used} tokens");

        var second = await client.PostAsync("/v1/chat/completions", new StringContent(Chat, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("0", Header(second, "x-ratelimit-remaining"));
    }
}
