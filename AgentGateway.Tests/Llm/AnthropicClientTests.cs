using System.Text;
using AgentGateway.Tests.Infrastructure;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;
using MockLlm;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm;

/// <summary>The official Anthropic SDK as the client: passthrough to anthropic providers, translation to OpenAI-style ones.</summary>
public class AnthropicClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(MockLlmServer Mock, TestGateway Gateway)> StartAsync(string type)
    {
        var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", type, mock.BaseUrl, "[claude-*, gpt-*]")));
        return (mock, gw);
    }

    private static MessageCreateParams Params(string prompt, string model = "claude-sonnet") => new()
    {
        MaxTokens = 256,
        Model = model,
        Messages = [new UserMessageParam(prompt)],
    };

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai-compatible")]
    public async Task Messages_NonStreaming_EchoesThroughPassthroughAndTranslation(string providerType)
    {
        var (mock, gw) = await StartAsync(providerType);
        await using var mockScope = mock;
        await using var gwScope = gw;

        var message = await AnthropicSdk(gw).Messages.Create(Params("hello from anthropic sdk"), Ct);

        Assert.True(message.Content[0].TryPickText(out var text));
        Assert.Equal("hello from anthropic sdk", text.Text);
        Assert.Equal(StopReason.EndTurn, message.StopReason?.Value());
        Assert.Equal(4, message.Usage.OutputTokens);
        var forwarded = Assert.Single(mock.Requests);
        Assert.Equal(providerType == "anthropic" ? "/v1/messages" : "/v1/chat/completions", forwarded.Path);
    }

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai-compatible")]
    public async Task Messages_Streaming_EventsParseInSdk(string providerType)
    {
        var (mock, gw) = await StartAsync(providerType);
        await using var mockScope = mock;
        await using var gwScope = gw;

        var text = new StringBuilder();
        var sawStart = false;
        var sawStop = false;
        long? outputTokens = null;
        await foreach (var ev in AnthropicSdk(gw).Messages.CreateStreaming(Params("streamed words arrive in order"), Ct))
        {
            sawStart |= ev.TryPickStart(out _);
            sawStop |= ev.TryPickStop(out _);
            if (ev.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var t))
            {
                text.Append(t.Text);
            }

            if (ev.TryPickDelta(out var messageDelta))
            {
                outputTokens = messageDelta.Usage.OutputTokens;
            }
        }

        Assert.True(sawStart);
        Assert.True(sawStop);
        Assert.Equal("streamed words arrive in order", text.ToString());
        Assert.Equal(5, outputTokens);
    }

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai-compatible")]
    public async Task Messages_ToolCall_ThroughSdkChatClient(string providerType)
    {
        var (mock, gw) = await StartAsync(providerType);
        await using var mockScope = mock;
        await using var gwScope = gw;
        using var client = AnthropicSdk(gw).AsIChatClient("claude-sonnet", 256);
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create((string city) => "sunny", "get_weather")] };

        var response = await client.GetResponseAsync("""call tool get_weather with {"city":"Oslo"}""", options, Ct);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("Oslo", call.Arguments!["city"]!.ToString());
    }
}
