using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm;

public class FailoverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TestGateway> GatewayAsync(MockLlmServer first, MockLlmServer second, string firstType = "openai-compatible", string secondType = "openai-compatible", string firstExtra = "") =>
        await TestGateway.StartAsync(Yaml(
            "providers:\n"
            + Provider("primary", firstType, first.BaseUrl, "[mock-gpt]", firstExtra) + "\n"
            + Provider("backup", secondType, second.BaseUrl, "[mock-gpt]") + "\n"
            + "failover: [primary, backup]"));

    private static async Task<string> StreamTextAsync(TestGateway gw, string prompt)
    {
        var text = new StringBuilder();
        await foreach (var update in OpenAiChat(gw, "mock-gpt").CompleteChatStreamingAsync([new UserChatMessage(prompt)], cancellationToken: Ct))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }
        }

        return text.ToString();
    }

    [Theory]
    [InlineData("openai-compatible")]
    [InlineData("anthropic")]
    public async Task Primary503_EveryRequestSucceedsOnBackup(string primaryType)
    {
        await using var failing = await MockLlmServer.StartAsync(new MockLlmOptions { FailStatus = 503 }, Ct);
        await using var healthy = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await GatewayAsync(failing, healthy, primaryType);

        for (var i = 0; i < 3; i++)
        {
            ChatCompletion completion = await OpenAiChat(gw, "mock-gpt").CompleteChatAsync([new UserChatMessage($"request {i}")], cancellationToken: Ct);
            Assert.Equal($"request {i}", completion.Content[0].Text);
        }

        Assert.Equal("streamed after failover", await StreamTextAsync(gw, "streamed after failover"));
        Assert.Equal(4, failing.RequestCount);
        Assert.Equal(4, healthy.RequestCount);
    }

    [Fact]
    public async Task Primary429WithRetryAfter_IsSkippedUntilThen()
    {
        await using var limited = await MockLlmServer.StartAsync(new MockLlmOptions { FailStatus = 429, RetryAfterSeconds = 60 }, Ct);
        await using var healthy = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await GatewayAsync(limited, healthy);

        for (var i = 0; i < 3; i++)
        {
            ChatCompletion completion = await OpenAiChat(gw, "mock-gpt").CompleteChatAsync([new UserChatMessage("after 429")], cancellationToken: Ct);
            Assert.Equal("after 429", completion.Content[0].Text);
        }

        Assert.Equal(1, limited.RequestCount); // asked once, then skipped because of Retry-After
        Assert.Equal(3, healthy.RequestCount);
    }

    [Fact]
    public async Task PrimaryDropsConnection_StreamingAndNotSucceedOnBackup()
    {
        await using var dropping = await MockLlmServer.StartAsync(new MockLlmOptions { DropConnection = true }, Ct);
        await using var healthy = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await GatewayAsync(dropping, healthy);

        ChatCompletion completion = await OpenAiChat(gw, "mock-gpt").CompleteChatAsync([new UserChatMessage("survived a drop")], cancellationToken: Ct);

        Assert.Equal("survived a drop", completion.Content[0].Text);
        Assert.Equal("streaming survived", await StreamTextAsync(gw, "streaming survived"));
        Assert.Equal(2, dropping.RequestCount);
        Assert.Equal(2, healthy.RequestCount);
    }

    [Fact]
    public async Task PrimaryTimesOut_FailsOverToBackup()
    {
        await using var slow = await MockLlmServer.StartAsync(new MockLlmOptions { LatencyMs = 5000 }, Ct);
        await using var healthy = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await GatewayAsync(slow, healthy, firstExtra: "timeout: 300ms");

        ChatCompletion completion = await OpenAiChat(gw, "mock-gpt").CompleteChatAsync([new UserChatMessage("not waiting")], cancellationToken: Ct);

        Assert.Equal("not waiting", completion.Content[0].Text);
        Assert.Equal(1, healthy.RequestCount);
    }

    [Theory]
    [InlineData("openai-compatible")]
    [InlineData("anthropic")]
    public async Task Primary400_IsNotRetried(string primaryType)
    {
        await using var rejecting = await MockLlmServer.StartAsync(new MockLlmOptions { FailStatus = 400 }, Ct);
        await using var healthy = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await GatewayAsync(rejecting, healthy, primaryType);

        var ex = await Assert.ThrowsAsync<ClientResultException>(() => OpenAiChat(gw, "mock-gpt").CompleteChatAsync([new UserChatMessage("bad")], cancellationToken: Ct));

        Assert.Equal(400, ex.Status);
        Assert.Equal(1, rejecting.RequestCount);
        Assert.Equal(0, healthy.RequestCount);
    }

    [Fact]
    public async Task AllProvidersFail_Returns502InOpenAiShape()
    {
        await using var a = await MockLlmServer.StartAsync(new MockLlmOptions { FailStatus = 500 }, Ct);
        await using var b = await MockLlmServer.StartAsync(new MockLlmOptions { FailStatus = 503 }, Ct);
        await using var gw = await GatewayAsync(a, b);

        var response = await gw.CreateClient().PostAsync("/v1/chat/completions", Json("""{"model":"mock-gpt","messages":[{"role":"user","content":"x"}]}"""), Ct);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error");
        Assert.Equal("server_error", error.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("openai-compatible", "/v1/chat/completions", """{"model":"mock-gpt","stream":true,"messages":[{"role":"user","content":"a b c d e f g"}]}""", "data: {\"error\"")]
    [InlineData("anthropic", "/v1/chat/completions", """{"model":"mock-gpt","stream":true,"messages":[{"role":"user","content":"a b c d e f g"}]}""", "data: {\"error\"")]
    [InlineData("anthropic", "/v1/messages", """{"model":"mock-gpt","max_tokens":50,"stream":true,"messages":[{"role":"user","content":"a b c d e f g"}]}""", "event: error\ndata: {\"type\":\"error\"")]
    [InlineData("openai-compatible", "/v1/messages", """{"model":"mock-gpt","max_tokens":50,"stream":true,"messages":[{"role":"user","content":"a b c d e f g"}]}""", "event: error\ndata: {\"type\":\"error\"")]
    public async Task FailureMidStream_EndsWithErrorEventInClientFormat_AndNoFailover(string primaryType, string path, string body, string errorEvent)
    {
        await using var dropping = await MockLlmServer.StartAsync(new MockLlmOptions { DropAfterChunks = 3 }, Ct);
        await using var healthy = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await GatewayAsync(dropping, healthy, primaryType);

        var response = await gw.CreateClient().PostAsync(path, Json(body), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(errorEvent, text, StringComparison.Ordinal);
        Assert.DoesNotContain("[DONE]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("message_stop", text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n", text, StringComparison.Ordinal);
        Assert.Equal(0, healthy.RequestCount);
    }

    internal static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
