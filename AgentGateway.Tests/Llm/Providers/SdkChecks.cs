using System.Text;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm.Providers;

/// <summary>
/// What every translated provider must do for the official OpenAI and Anthropic SDKs: text, streaming, tool calls
/// (streaming and not) and a tool result round trip, with the provider's reported usage. The mock echoes the
/// prompt and counts words as tokens, so the numbers below are exact.
/// </summary>
internal static class SdkChecks
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task OpenAiAsync(TestGateway gw, string model)
    {
        ChatCompletion completion = await OpenAiChat(gw, model).CompleteChatAsync([new UserChatMessage("hello from the openai sdk")], cancellationToken: Ct);
        Assert.Equal("hello from the openai sdk", completion.Content[0].Text);
        Assert.Equal(OpenAI.Chat.ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal(5, completion.Usage.InputTokenCount);
        Assert.Equal(5, completion.Usage.OutputTokenCount);

        var text = new StringBuilder();
        OpenAI.Chat.ChatFinishReason? finish = null;
        ChatTokenUsage? usage = null;
        // The SDK asks for stream_options.include_usage itself.
        await foreach (var update in OpenAiChat(gw, model).CompleteChatStreamingAsync([new UserChatMessage("streamed words arrive in order")], cancellationToken: Ct))
        {
            text.Append(string.Concat(update.ContentUpdate.Select(p => p.Text)));
            finish ??= update.FinishReason;
            usage ??= update.Usage;
        }

        Assert.Equal("streamed words arrive in order", text.ToString());
        Assert.Equal(OpenAI.Chat.ChatFinishReason.Stop, finish);
        Assert.Equal(5, usage?.OutputTokenCount);
    }

    public static async Task OpenAiToolsAsync(TestGateway gw, string model)
    {
        var options = new ChatCompletionOptions { Tools = { ChatTool.CreateFunctionTool("lookup", "Lookup", BinaryData.FromString("""{"type":"object","properties":{"id":{"type":"integer"}}}""")) } };
        var prompt = new UserChatMessage("""call tool lookup with {"id":42}""");

        ChatCompletion completion = await OpenAiChat(gw, model).CompleteChatAsync([prompt], options, Ct);
        var call = Assert.Single(completion.ToolCalls);
        Assert.Equal(OpenAI.Chat.ChatFinishReason.ToolCalls, completion.FinishReason);
        Assert.Equal("lookup", call.FunctionName);
        Assert.Equal(42, JsonDocument.Parse(call.FunctionArguments).RootElement.GetProperty("id").GetInt32());

        var streamedName = "";
        var streamedArgs = new StringBuilder();
        OpenAI.Chat.ChatFinishReason? finish = null;
        await foreach (var update in OpenAiChat(gw, model).CompleteChatStreamingAsync([prompt], options, Ct))
        {
            finish ??= update.FinishReason;
            foreach (var part in update.ToolCallUpdates)
            {
                streamedName += part.FunctionName;
                streamedArgs.Append(part.FunctionArgumentsUpdate?.ToString());
            }
        }

        Assert.Equal("lookup", streamedName);
        Assert.Equal(42, JsonDocument.Parse(streamedArgs.ToString()).RootElement.GetProperty("id").GetInt32());
        Assert.Equal(OpenAI.Chat.ChatFinishReason.ToolCalls, finish);

        // The tool result goes back with the call it answers; the mock answers "tool result: …".
        ChatCompletion answer = await OpenAiChat(gw, model).CompleteChatAsync(
            [prompt, new AssistantChatMessage(completion.ToolCalls), new ToolChatMessage(call.Id, "forty-two")], options, Ct);
        Assert.Equal("tool result: forty-two", answer.Content[0].Text);
    }

    public static async Task AnthropicAsync(TestGateway gw, string model)
    {
        var message = await AnthropicSdk(gw).Messages.Create(new MessageCreateParams { MaxTokens = 256, Model = model, Messages = [new UserMessageParam("hello from anthropic sdk")] }, Ct);
        Assert.True(message.Content[0].TryPickText(out var text));
        Assert.Equal("hello from anthropic sdk", text.Text);
        Assert.Equal(StopReason.EndTurn, message.StopReason?.Value());
        Assert.Equal(4, message.Usage.OutputTokens);

        var streamed = new StringBuilder();
        var sawStop = false;
        long? outputTokens = null;
        await foreach (var ev in AnthropicSdk(gw).Messages.CreateStreaming(new MessageCreateParams { MaxTokens = 256, Model = model, Messages = [new UserMessageParam("streamed words arrive in order")] }, Ct))
        {
            sawStop |= ev.TryPickStop(out _);
            if (ev.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var t))
            {
                streamed.Append(t.Text);
            }

            if (ev.TryPickDelta(out var messageDelta))
            {
                outputTokens = messageDelta.Usage.OutputTokens;
            }
        }

        Assert.True(sawStop);
        Assert.Equal("streamed words arrive in order", streamed.ToString());
        Assert.Equal(5, outputTokens);
    }

    public static async Task AnthropicToolsAsync(TestGateway gw, string model)
    {
        using var client = AnthropicSdk(gw).AsIChatClient(model, 256);
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create((string city) => "sunny", "get_weather")] };
        List<Microsoft.Extensions.AI.ChatMessage> history = [new(ChatRole.User, """call tool get_weather with {"city":"Oslo"}""")];

        var response = await client.GetResponseAsync(history, options, Ct);
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("Oslo", call.Arguments!["city"]!.ToString());

        var streamed = new List<FunctionCallContent>();
        await foreach (var update in client.GetStreamingResponseAsync(history, options, Ct))
        {
            streamed.AddRange(update.Contents.OfType<FunctionCallContent>());
        }

        Assert.Equal("Oslo", Assert.Single(streamed).Arguments!["city"]!.ToString());

        history.AddRange(response.Messages);
        history.Add(new Microsoft.Extensions.AI.ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, "sunny")]));
        var answer = await client.GetResponseAsync(history, options, Ct);
        Assert.Equal("tool result: sunny", answer.Text);
    }
}
