using System.Net;
using System.Text;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.FailoverTests;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm;

public class GuardIntegrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Secret = "sk-" + new string('Z', 24);

    [Fact]
    public async Task RequestGuard_MasksBeforeTheProvider_InPassthrough()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", "openai-compatible", mock.BaseUrl, "[mock-gpt]")
            + "\nguards:\n  request: [{ builtin: email, action: mask }]"));

        var response = await gw.CreateClient().PostAsync("/v1/chat/completions",
            Json("""{"model":"mock-gpt","custom_field":{"kept":true},"messages":[{"role":"user","content":"mail bob@example.com please"}]}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forwarded = JsonDocument.Parse(Assert.Single(mock.Requests).Body).RootElement;
        Assert.Equal("mail [EMAIL] please", forwarded.GetProperty("messages")[0].GetProperty("content").GetString());
        Assert.True(forwarded.GetProperty("custom_field").GetProperty("kept").GetBoolean()); // unknown fields survive
    }

    [Fact]
    public async Task RequestGuard_MasksBeforeTheProvider_InTranslation()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", "anthropic", mock.BaseUrl, "[claude-x]")
            + "\nguards:\n  request: [{ builtin: ssn, action: mask }, { regex: \"Project [A-Z]+\", name: codename }]"));

        ChatCompletion completion = await OpenAiChat(gw, "claude-x").CompleteChatAsync(
            [new SystemChatMessage("about Project APOLLO"), new UserChatMessage("ssn 123-45-6789 for Project APOLLO")], cancellationToken: Ct);

        Assert.Equal("ssn [SSN] for [CODENAME]", completion.Content[0].Text); // the echo shows what the provider received
        var forwarded = Assert.Single(mock.Requests).Body;
        Assert.DoesNotContain("123-45-6789", forwarded, StringComparison.Ordinal);
        Assert.DoesNotContain("APOLLO", forwarded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/chat/completions", """{"model":"mock-gpt","messages":[{"role":"user","content":"my key is SECRET"}]}""", "error")]
    [InlineData("/v1/messages", """{"model":"mock-gpt","max_tokens":10,"messages":[{"role":"user","content":"my key is SECRET"}]}""", "type")]
    public async Task RequestGuard_Reject_AnswersInClientErrorShape_AndNeverCallsProvider(string path, string body, string shapeKey)
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", "openai-compatible", mock.BaseUrl, "[mock-gpt]")
            + "\nguards:\n  request: [{ builtin: secret, action: reject }]"));

        var response = await gw.CreateClient().PostAsync(path, Json(body.Replace("SECRET", Secret, StringComparison.Ordinal)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.True(json.TryGetProperty(shapeKey, out _));
        Assert.Contains("guard 'secret'", json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, mock.RequestCount);
    }

    [Fact]
    public async Task ResponseGuard_MasksSecretSplitAcrossStreamChunks()
    {
        // The mock streams 5-character chunks, so the 27-character key arrives in six pieces.
        await using var mock = await MockLlmServer.StartAsync(new MockLlmOptions { ChunkSize = 5 }, Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", "openai-compatible", mock.BaseUrl, "[mock-gpt]")
            + "\nguards:\n  response: [{ builtin: secret, action: mask }]"));

        var text = new StringBuilder();
        var chunks = 0;
        await foreach (var update in OpenAiChat(gw, "mock-gpt").CompleteChatStreamingAsync([new UserChatMessage($"the key is {Secret} keep it safe")], cancellationToken: Ct))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
                chunks++;
            }
        }

        Assert.Equal("the key is [SECRET] keep it safe", text.ToString());
        Assert.DoesNotContain("ZZZZ", text.ToString(), StringComparison.Ordinal);
        Assert.True(chunks >= 1);
    }

    [Fact]
    public async Task ResponseGuard_MasksNonStreamingAnthropicAnswer()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", "anthropic", mock.BaseUrl, "[claude-x]")
            + "\nguards:\n  response: [{ builtin: credit-card, action: mask }]"));

        var message = await AnthropicSdk(gw).Messages.Create(new Anthropic.Models.Messages.MessageCreateParams
        {
            MaxTokens = 50,
            Model = "claude-x",
            Messages = [new Anthropic.Models.Messages.UserMessageParam("card 4111-1111-1111-1111 thanks")],
        }, Ct);

        Assert.True(message.Content[0].TryPickText(out var block));
        Assert.Equal("card [CREDIT_CARD] thanks", block.Text);
    }
}
