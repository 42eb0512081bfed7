using System.Net;
using System.Text;
using System.Text.Json;
using AgentGateway.Llm.Tokens;
using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;
using Anthropic;
using Anthropic.Models.Messages;
using MockLlm;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm;

/// <summary>
/// <c>POST /v1/messages/count_tokens</c> through the gateway with the official Anthropic SDK: the provider counts
/// when it speaks the messages API, our tokenizer otherwise; authorized, limited and failing in Anthropic's shape.
/// </summary>
public class CountTokensTests
{
    private const string System = "be brief";
    private const string Prompt = "one two three four five";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MessageCountTokensParams Count(string model) => new()
    {
        Model = model,
        System = System,
        Messages = [new UserMessageParam(Prompt)],
    };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ErrorOf(HttpResponseMessage response)
    {
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("error", root.GetProperty("type").GetString()); // Anthropic's shape, not OpenAI's
        return root.GetProperty("error");
    }

    [Fact]
    public async Task AnthropicProvider_CountsItself_AndItsAnswerIsReturned()
    {
        await using var claude = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("claude", "anthropic", claude.BaseUrl, "[claude-*]")));

        var counted = await AnthropicSdk(gw).Messages.CountTokens(Count("claude-x"), Ct);

        Assert.Equal(2 + 5, counted.InputTokens); // the mock's word count, not o200k
        var forwarded = Assert.Single(claude.Requests);
        Assert.Equal("/v1/messages/count_tokens", forwarded.Path);
        Assert.Equal("upstream-key-claude", forwarded.Headers["x-api-key"]);
        Assert.True(forwarded.Headers.ContainsKey("anthropic-version"));
        Assert.Contains(Prompt, forwarded.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProviderWithoutCountTokens_IsAnsweredByTheGatewaysTokenizer_ToolsIncluded()
    {
        await using var openai = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("gpt", "openai-compatible", openai.BaseUrl, "[gpt-*]")));

        var counted = await AnthropicSdk(gw).Messages.CountTokens(Count("gpt-x"), Ct);
        var tool = """{"name":"get_weather","description":"Weather for a city","input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}""";
        var withTool = await gw.CreateClient().PostAsync("/v1/messages/count_tokens", Json(
            $"{{\"model\":\"gpt-x\",\"system\":\"{System}\",\"messages\":[{{\"role\":\"user\",\"content\":\"{Prompt}\"}}],\"tools\":[{tool}]}}"), Ct);

        Assert.Equal(TokenCounter.Count(System, Ct) + TokenCounter.Count(Prompt, Ct), counted.InputTokens);
        Assert.Equal(HttpStatusCode.OK, withTool.StatusCode);
        var toolCount = JsonDocument.Parse(await withTool.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("input_tokens").GetInt64();
        Assert.True(toolCount > counted.InputTokens + 10, $"tools must count: {toolCount} vs {counted.InputTokens}");
        Assert.Equal(0, openai.RequestCount);
    }

    [Fact]
    public async Task Unauthenticated_Is401_AndAModelThePolicyDenies_Is403_BothInAnthropicShape()
    {
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: models, path: /v1, llm: models, policies: [guarded] }]
            llm:
              models:
                providers: [{ name: local, type: mock, models: ["*"] }]
            policies:
              guarded:
                authentication:
                  apiKeys: [{ name: app, keyHash: "{{SecretHash.Sha256("good-key")}}" }]
                authorization:
                  cedarText: |
                    permit(principal, action == Action::"chat", resource == Model::"claude-ok");
            """);
        AnthropicClient Sdk(string key) => new() { ApiKey = key, BaseUrl = gw.BaseAddress.ToString().TrimEnd('/'), MaxRetries = 0 };

        var allowed = await Sdk("good-key").Messages.CountTokens(Count("claude-ok"), Ct);
        await Assert.ThrowsAsync<Anthropic.Exceptions.AnthropicUnauthorizedException>(() => Sdk("bad-key").Messages.CountTokens(Count("claude-ok"), Ct));
        await Assert.ThrowsAsync<Anthropic.Exceptions.AnthropicForbiddenException>(() => Sdk("good-key").Messages.CountTokens(Count("claude-no"), Ct));

        Assert.True(allowed.InputTokens > 0);
        using var unauthenticated = await gw.CreateClient().PostAsync("/v1/messages/count_tokens", Json("""{"model":"claude-ok","messages":[{"role":"user","content":"x"}]}"""), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal("authentication_error", (await ErrorOf(unauthenticated)).GetProperty("type").GetString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages/count_tokens") { Content = Json("""{"model":"claude-no","messages":[{"role":"user","content":"x"}]}""") };
        request.Headers.Add("x-api-key", "good-key");
        using var denied = await gw.CreateClient().SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("permission_error", (await ErrorOf(denied)).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("""{"model":"claude-x","messages":"not a list"}""")]
    [InlineData("""{"messages":[{"role":"user","content":"x"}]}""")]
    [InlineData("""{"model":"claude-x","messages":[{"role":"robot","content":"x"}]}""")]
    [InlineData("not json")]
    public async Task BadBody_Is400_InAnthropicShape_AndNeverReachesTheProvider(string body)
    {
        await using var claude = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("claude", "anthropic", claude.BaseUrl, "[claude-*]")));

        using var response = await gw.CreateClient().PostAsync("/v1/messages/count_tokens", Json(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request_error", (await ErrorOf(response)).GetProperty("type").GetString());
        Assert.Equal(0, claude.RequestCount);
    }

    [Fact]
    public async Task APromptOverTheRoutesTokenLimit_Is429_InAnthropicShape()
    {
        await using var claude = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(
            "routes: [{ name: models, path: /v1, llm: models, policies: [tokens] }]\n"
            + "llm:\n  models:\n    providers:\n  " + Provider("claude", "anthropic", claude.BaseUrl, "[claude-*]") + "\n"
            + "policies: { tokens: { rateLimit: { tokens: 20, per: 1h, key: route } } }\n");

        var small = await AnthropicSdk(gw).Messages.CountTokens(Count("claude-x"), Ct);
        using var large = await gw.CreateClient().PostAsync("/v1/messages/count_tokens",
            Json("{\"model\":\"claude-x\",\"messages\":[{\"role\":\"user\",\"content\":\"" + string.Join(' ', Enumerable.Repeat("word", 200)) + "\"}]}"), Ct);

        Assert.Equal(7, small.InputTokens);
        Assert.Equal((HttpStatusCode)429, large.StatusCode);
        Assert.Equal("rate_limit_error", (await ErrorOf(large)).GetProperty("type").GetString());
        Assert.Equal(1, claude.RequestCount);
    }
}
