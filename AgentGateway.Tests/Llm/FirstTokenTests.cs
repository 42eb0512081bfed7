using AgentGateway.Tests.Infrastructure;
using Anthropic.Models.Messages;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm;

/// <summary>
/// Time to first token as an ordering, not a clock: the mock model holds its stream after the first content chunk,
/// and the SDK client must already have that chunk. A gateway that buffered (until a buffer fills, the usage is
/// known or the upstream ends) would deliver nothing until the hold is released.
/// </summary>
public class FirstTokenTests
{
    // Only a safety net so a buffering gateway fails the assertion instead of hanging the test; never reached when the
    // first chunk is delivered, and not a latency threshold.
    private static readonly TimeSpan HoldLimit = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A mock holding every stream after its first content chunk; <c>Release</c> lets the rest go.</summary>
    private static async Task<(MockLlmServer Mock, TestGateway Gateway, TaskCompletionSource Hold)> StartAsync(string type, string models)
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Delay(HoldLimit, Ct).ContinueWith(_ => hold.TrySetResult(), TaskScheduler.Default);
        var mock = await MockLlmServer.StartAsync(new MockLlmOptions { HoldAfterFirstContent = hold.Task }, Ct);
        var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", type, mock.BaseUrl, models)));
        return (mock, gw, hold);
    }

    [Theory]
    [InlineData("openai-compatible")] // passthrough: the upstream's bytes
    [InlineData("anthropic")] // translation: Anthropic events written as chat.completion.chunk
    public async Task OpenAiStream_FirstContentChunk_ReachesClientWhileUpstreamHoldsTheRest(string providerType)
    {
        var (mock, gw, hold) = await StartAsync(providerType, "[mock-gpt, claude-*]");
        await using var _ = mock;
        await using var __ = gw;
        var model = providerType == "anthropic" ? "claude-sonnet" : "mock-gpt";

        string? first = null;
        var heldWhenFirstArrived = false;
        var text = new System.Text.StringBuilder();
        await foreach (var update in OpenAiChat(gw, model).CompleteChatStreamingAsync([new UserChatMessage("first second third")], cancellationToken: Ct))
        {
            foreach (var part in update.ContentUpdate)
            {
                if (first is null && part.Text.Length > 0)
                {
                    first = part.Text;
                    heldWhenFirstArrived = !hold.Task.IsCompleted;
                    hold.TrySetResult();
                }

                text.Append(part.Text);
            }
        }

        Assert.Equal("first", first?.Trim());
        Assert.True(heldWhenFirstArrived, "the first content chunk reached the client only after the upstream went on");
        Assert.Equal("first second third", text.ToString());
    }

    [Theory]
    [InlineData("anthropic")] // passthrough
    [InlineData("openai")] // translation: chat.completion.chunk written as Anthropic events
    public async Task AnthropicStream_FirstTextDelta_ReachesClientWhileUpstreamHoldsTheRest(string providerType)
    {
        var (mock, gw, hold) = await StartAsync(providerType, "[claude-*]");
        await using var _ = mock;
        await using var __ = gw;

        string? first = null;
        var heldWhenFirstArrived = false;
        var text = new System.Text.StringBuilder();
        var request = new MessageCreateParams { MaxTokens = 256, Model = "claude-sonnet", Messages = [new UserMessageParam("first second third")] };
        await foreach (var ev in AnthropicSdk(gw).Messages.CreateStreaming(request, Ct))
        {
            if (ev.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var t) && t.Text.Length > 0)
            {
                if (first is null)
                {
                    first = t.Text;
                    heldWhenFirstArrived = !hold.Task.IsCompleted;
                    hold.TrySetResult();
                }

                text.Append(t.Text);
            }
        }

        Assert.Equal("first", first?.Trim());
        Assert.True(heldWhenFirstArrived, "the first text delta reached the client only after the upstream went on");
        Assert.Equal("first second third", text.ToString());
    }
}
