using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using Anthropic.Models.Messages;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm.Cost;

/// <summary>
/// USD budgets on llm routes: the priced estimate is reserved before the call, the priced usage settled after it (at
/// the end of a stream too), an exhausted budget is a 429 in the client API's shape, and an unpriced model on a
/// budgeted route is refused. MockLlm reports usage as word counts: "one two three four five" echoes back as 5 + 5
/// tokens, and at $100 per million tokens each call costs 1,000 micro-dollars.
/// </summary>
public class CostBudgetTests
{
    private const string Prompt = "one two three four five";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<TestGateway> GatewayAsync(MockLlmServer mock, double usd, string type = "openai-compatible", string model = "mock-gpt", bool priced = true) =>
        TestGateway.StartAsync(
            "routes: [{ name: models, path: /v1, llm: models, policies: [spend] }]\n"
            + "llm:\n  models:\n    providers:\n  " + Provider("p", type, mock.BaseUrl, $"[{model}]") + "\n"
            + (priced ? $"    prices: {{ {model}: {{ input: 100, output: 100 }} }}\n" : "")
            + $"policies: {{ spend: {{ budget: {{ usd: {usd.ToString(System.Globalization.CultureInfo.InvariantCulture)}, per: 1h, key: route }} }} }}\n");

    private static async Task<HttpResponseMessage> ChatAsync(TestGateway gw, int maxTokens, bool stream = false)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["model"] = "mock-gpt",
            ["max_tokens"] = maxTokens,
            ["stream"] = stream,
            ["messages"] = new[] { new { role = "user", content = Prompt } },
        });
        if (stream)
        {
            body = body.TrimEnd('}') + ",\"stream_options\":{\"include_usage\":true}}";
        }

        var response = await gw.CreateClient().PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        await response.Content.LoadIntoBufferAsync(Ct);
        return response;
    }

    [Fact]
    public async Task AnExhaustedBudget_Is429_InOpenAiShape_NamingTheBudget_WithRetryAfter()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await GatewayAsync(mock, usd: 0.0025);

        // 1,000 µ$ per call: the third finds 2,000 of 2,500 spent and its 1,000 estimate does not fit.
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(gw, maxTokens: 5)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(gw, maxTokens: 5)).StatusCode);
        using var refused = await ChatAsync(gw, maxTokens: 5);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(2, mock.RequestCount);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error");
        Assert.Contains("budget 'spend'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("budget_exceeded", error.GetProperty("code").GetString());

        // The OpenAI SDK sees a 429 too.
        var ex = await Assert.ThrowsAsync<ClientResultException>(() => OpenAiChat(gw, "mock-gpt").CompleteChatAsync(
            [new UserChatMessage(Prompt)], new ChatCompletionOptions { MaxOutputTokenCount = 5 }, Ct));
        Assert.Equal(429, ex.Status);
        Assert.Equal(2, mock.RequestCount);
    }

    [Fact]
    public async Task AStreamingCall_IsSettledWithItsRealCost_AtTheEndOfTheStream()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await GatewayAsync(mock, usd: 0.0027);

        // Each stream reserves ~1,500 µ$ (max_tokens 10) and really costs 1,000. Kept estimates would refuse the second
        // (3,000 > 2,700); settled costs admit it (1,000 + 1,500) and refuse the third (2,000 + 1,500).
        using var first = await ChatAsync(gw, maxTokens: 10, stream: true);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("[DONE]", await first.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(gw, maxTokens: 10, stream: true)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ChatAsync(gw, maxTokens: 10, stream: true)).StatusCode);
        Assert.Equal(2, mock.RequestCount);
    }

    [Fact]
    public async Task AnthropicSdk_GetsTheExhaustedBudget_AsARateLimitErrorInAnthropicShape()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await GatewayAsync(mock, usd: 0.0001, type: "anthropic", model: "claude-mock");
        var request = new MessageCreateParams { MaxTokens = 256, Model = "claude-mock", Messages = [new UserMessageParam(Prompt)] };

        await Assert.ThrowsAsync<Anthropic.Exceptions.AnthropicRateLimitException>(() => AnthropicSdk(gw).Messages.Create(request, Ct));

        using var raw = new HttpRequestMessage(HttpMethod.Post, "/v1/messages")
        {
            Content = new StringContent($$"""{"model":"claude-mock","max_tokens":256,"messages":[{"role":"user","content":"{{Prompt}}"}]}""", Encoding.UTF8, "application/json"),
        };
        raw.Headers.Add("anthropic-version", "2023-06-01");
        using var response = await gw.CreateClient().SendAsync(raw, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("error", body.GetProperty("type").GetString());
        Assert.Equal("rate_limit_error", body.GetProperty("error").GetProperty("type").GetString());
        Assert.Contains("budget 'spend'", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, mock.RequestCount);
    }

    [Fact]
    public async Task AnUnpricedModel_OnABudgetedRoute_Is403_AndNeverReachesTheProvider()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        var logs = new CapturingLoggerProvider();
        await using var gw = await TestGateway.StartAsync(
            "routes:\n  - { name: models, path: /v1, llm: models, policies: [spend] }\n  - { name: free, path: /free, llm: models }\n"
            + "llm:\n  models:\n    providers:\n  " + Provider("p", "openai-compatible", mock.BaseUrl, "[mock-gpt]") + "\n"
            + "policies: { spend: { budget: { usd: 10, per: 1d } } }\n",
            configure: b => b.Logging.AddProvider(logs));

        var ex = await Assert.ThrowsAsync<ClientResultException>(() => OpenAiChat(gw, "mock-gpt").CompleteChatAsync([new UserChatMessage(Prompt)], cancellationToken: Ct));

        Assert.Equal(403, ex.Status);
        Assert.Contains("has no price", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, mock.RequestCount);
        Assert.Contains(logs.Entries, e => e.Message.Contains("model mock-gpt of provider p has no price", StringComparison.Ordinal));

        // Without a budget the same model is served: only budgeted routes need prices.
        var free = new ChatClient("mock-gpt", new ApiKeyCredential(ClientKey), new OpenAI.OpenAIClientOptions { Endpoint = new Uri(gw.BaseAddress, "/free"), RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0) });
        await free.CompleteChatAsync([new UserChatMessage(Prompt)], cancellationToken: Ct);
        Assert.Equal(1, mock.RequestCount);
    }

    [Fact]
    public async Task AGroupBudget_IsSharedByTheGroupsMembers_AndACallerInNoGroupIsRefused()
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(
            "routes: [{ name: models, path: /v1, llm: models, policies: [signed-in, spend] }]\n"
            + "llm:\n  models:\n    providers:\n  " + Provider("p", "openai-compatible", mock.BaseUrl, "[mock-gpt]") + "\n"
            + "    prices: { mock-gpt: { input: 100, output: 100 } }\n"
            + $"policies:\n  signed-in: {{ authentication: {{ jwt: {{ issuer: \"{TestJwtIssuer.Issuer}\", audiences: [agentgateway], jwks: {{ url: \"{idp.JwksUrl}\" }} }} }} }}\n"
            + "  spend: { budget: { usd: 0.0025, per: 1h, key: group, groupClaim: groups } }\n");
        string Token(string sub, params string[] groups) => idp.CreateToken(sub, claims: new Dictionary<string, object> { ["groups"] = groups });
        async Task<HttpStatusCode> CallAsync(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
            {
                Content = new StringContent($$"""{"model":"mock-gpt","max_tokens":5,"messages":[{"role":"user","content":"{{Prompt}}"}]}""", Encoding.UTF8, "application/json"),
                Headers = { Authorization = new("Bearer", token) },
            };
            return (await gw.CreateClient().SendAsync(request, Ct)).StatusCode;
        }

        // Two calls of 1,000 µ$ fit in team-a's 2,500; the third does not, whoever in team-a makes it.
        Assert.Equal(HttpStatusCode.OK, await CallAsync(Token("alice", "team-a")));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(Token("bob", "team-a")));
        Assert.Equal(HttpStatusCode.TooManyRequests, await CallAsync(Token("alice", "team-a")));
        Assert.Equal(HttpStatusCode.TooManyRequests, await CallAsync(Token("carol", "team-a", "team-b")));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(Token("dave", "team-b")));
        Assert.Equal(HttpStatusCode.Forbidden, await CallAsync(Token("erin")));
        Assert.Equal(3, mock.RequestCount);
    }
}
