using System.ClientModel;
using System.Text;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using MockLlm;
using OpenAI.Chat;
using OpenAI.Embeddings;
using OpenAI.Models;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm;

/// <summary>The official OpenAI .NET SDK as the client: passthrough to OpenAI-style providers, translation to others.</summary>
public class OpenAiClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(MockLlmServer Mock, TestGateway Gateway)> StartAsync(string type, string models = "[mock-gpt, mock-embed, claude-*]", string more = "")
    {
        var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", type, mock.BaseUrl, models) + "\n" + more));
        return (mock, gw);
    }

    [Fact]
    public async Task ChatCompletions_Passthrough_ReturnsEchoAndForwardsBytes()
    {
        var (mock, gw) = await StartAsync("openai-compatible");
        await using var _ = mock;
        await using var __ = gw;

        ChatCompletion completion = await OpenAiChat(gw, "mock-gpt").CompleteChatAsync([new UserChatMessage("hello gateway")], cancellationToken: Ct);

        Assert.Equal("hello gateway", completion.Content[0].Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal(2, completion.Usage.OutputTokenCount); // the mock's own word count: usage came from the provider
        var forwarded = Assert.Single(mock.Requests);
        Assert.Equal("/v1/chat/completions", forwarded.Path);
        Assert.Equal("Bearer upstream-key-up", forwarded.Headers["Authorization"]);
    }

    [Fact]
    public async Task ChatCompletions_PassthroughStreaming_DeliversEveryChunkAndUsage()
    {
        var (mock, gw) = await StartAsync("openai");
        await using var _ = mock;
        await using var __ = gw;

        var text = new StringBuilder();
        ChatFinishReason? finish = null;
        ChatTokenUsage? usage = null;
        await foreach (var update in OpenAiChat(gw, "mock-gpt").CompleteChatStreamingAsync([new UserChatMessage("one two three four")], cancellationToken: Ct))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            finish ??= update.FinishReason;
            usage ??= update.Usage;
        }

        Assert.Equal("one two three four", text.ToString());
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.NotNull(usage);
        Assert.Equal(4, usage.OutputTokenCount);
    }

    [Fact]
    public async Task ChatCompletions_PassthroughToolCall_ReturnsScriptedCall()
    {
        var (mock, gw) = await StartAsync("openai-compatible");
        await using var _ = mock;
        await using var __ = gw;
        var options = new ChatCompletionOptions { Tools = { ChatTool.CreateFunctionTool("get_weather", "Weather", BinaryData.FromString("""{"type":"object","properties":{"city":{"type":"string"}}}""")) } };

        ChatCompletion completion = await OpenAiChat(gw, "mock-gpt").CompleteChatAsync([new UserChatMessage("""call tool get_weather with {"city":"Paris"}""")], options, Ct);

        Assert.Equal(ChatFinishReason.ToolCalls, completion.FinishReason);
        var call = Assert.Single(completion.ToolCalls);
        Assert.Equal("get_weather", call.FunctionName);
        Assert.Equal("Paris", JsonDocument.Parse(call.FunctionArguments).RootElement.GetProperty("city").GetString());
    }

    [Fact]
    public async Task ChatCompletions_TranslatedToAnthropicProvider_NonStreaming()
    {
        var (mock, gw) = await StartAsync("anthropic");
        await using var _ = mock;
        await using var __ = gw;

        ChatCompletion completion = await OpenAiChat(gw, "claude-test").CompleteChatAsync(
            [new SystemChatMessage("be brief"), new UserChatMessage("translated hello")], cancellationToken: Ct);

        Assert.Equal("translated hello", completion.Content[0].Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        var forwarded = Assert.Single(mock.Requests);
        Assert.Equal("/v1/messages", forwarded.Path);
        Assert.Equal("upstream-key-up", forwarded.Headers["x-api-key"]);
        Assert.False(forwarded.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task ChatCompletions_TranslatedToAnthropicProvider_StreamingIsParsedBySdk()
    {
        var (mock, gw) = await StartAsync("anthropic");
        await using var _ = mock;
        await using var __ = gw;

        var text = new StringBuilder();
        var finishes = new List<ChatFinishReason>();
        ChatTokenUsage? usage = null;
        await foreach (var update in OpenAiChat(gw, "claude-test").CompleteChatStreamingAsync([new UserChatMessage("stream me through translation")], cancellationToken: Ct))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            if (update.FinishReason is { } f)
            {
                finishes.Add(f);
            }

            usage ??= update.Usage;
        }

        Assert.Equal("stream me through translation", text.ToString());
        Assert.Equal([ChatFinishReason.Stop], finishes);
        Assert.NotNull(usage);
        Assert.Equal(4, usage.OutputTokenCount);
    }

    [Fact]
    public async Task ChatCompletions_TranslatedToolCall_StreamingAndNot()
    {
        var (mock, gw) = await StartAsync("anthropic");
        await using var _ = mock;
        await using var __ = gw;
        var options = new ChatCompletionOptions { Tools = { ChatTool.CreateFunctionTool("lookup", "Lookup", BinaryData.FromString("""{"type":"object"}""")) } };
        var prompt = new UserChatMessage("""call tool lookup with {"id":42}""");

        ChatCompletion completion = await OpenAiChat(gw, "claude-test").CompleteChatAsync([prompt], options, Ct);
        var streamedName = "";
        var streamedArgs = new StringBuilder();
        await foreach (var update in OpenAiChat(gw, "claude-test").CompleteChatStreamingAsync([prompt], options, Ct))
        {
            foreach (var call in update.ToolCallUpdates)
            {
                streamedName += call.FunctionName;
                streamedArgs.Append(call.FunctionArgumentsUpdate?.ToString());
            }
        }

        Assert.Equal("lookup", Assert.Single(completion.ToolCalls).FunctionName);
        Assert.Equal(42, JsonDocument.Parse(completion.ToolCalls[0].FunctionArguments).RootElement.GetProperty("id").GetInt32());
        Assert.Equal("lookup", streamedName);
        Assert.Equal(42, JsonDocument.Parse(streamedArgs.ToString()).RootElement.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Embeddings_PassthroughAndMockProvider_ReturnVectors()
    {
        var (mock, gw) = await StartAsync("openai-compatible", more: "  - { name: local, type: mock, models: [local-embed] }");
        await using var _ = mock;
        await using var __ = gw;

        OpenAIEmbedding remote = await new EmbeddingClient("mock-embed", new ApiKeyCredential(ClientKey), OpenAiOptions(gw)).GenerateEmbeddingAsync("abcd", cancellationToken: Ct);
        OpenAIEmbedding local = await new EmbeddingClient("local-embed", new ApiKeyCredential(ClientKey), OpenAiOptions(gw)).GenerateEmbeddingAsync("abcd", cancellationToken: Ct);

        Assert.Equal(4f, remote.ToFloats().Span[3]);
        Assert.Equal(remote.ToFloats().ToArray(), local.ToFloats().ToArray());
    }

    [Fact]
    public async Task Models_ListsConfiguredModelsAndAliases_NotWildcards()
    {
        var (mock, gw) = await StartAsync("openai-compatible", more: "aliases: { fast: mock-gpt }");
        await using var _ = mock;
        await using var __ = gw;

        OpenAIModelCollection models = await new OpenAIModelClient(new ApiKeyCredential(ClientKey), OpenAiOptions(gw)).GetModelsAsync(Ct);

        Assert.Equal(["mock-gpt", "mock-embed", "fast"], models.Select(m => m.Id).ToArray());
    }

    [Fact]
    public async Task ChatCompletions_MockProvider_CountsTokensWhenProviderReportsNone()
    {
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n  - { name: local, type: mock }"));

        ChatCompletion completion = await OpenAiChat(gw, "anything").CompleteChatAsync([new UserChatMessage("count these tokens please")], cancellationToken: Ct);

        Assert.Equal("count these tokens please", completion.Content[0].Text);
        Assert.Equal(4, completion.Usage.OutputTokenCount); // o200k_base: "count"," these"," tokens"," please"
        Assert.Equal(4, completion.Usage.InputTokenCount);
    }

    [Fact]
    public async Task ChatCompletions_ImagePart_TranslatesToAnthropicImageBlock()
    {
        var (mock, gw) = await StartAsync("anthropic");
        await using var _ = mock;
        await using var __ = gw;
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 };

        ChatCompletion completion = await OpenAiChat(gw, "claude-vision").CompleteChatAsync(
            [new UserChatMessage(ChatMessageContentPart.CreateTextPart("describe"), ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(png), "image/png"))],
            cancellationToken: Ct);

        Assert.Equal("describe", completion.Content[0].Text);
        var content = JsonDocument.Parse(Assert.Single(mock.Requests).Body).RootElement.GetProperty("messages")[0].GetProperty("content");
        var image = content.EnumerateArray().Single(b => b.GetProperty("type").GetString() == "image");
        Assert.Equal("image/png", image.GetProperty("source").GetProperty("media_type").GetString());
        Assert.Equal(Convert.ToBase64String(png), image.GetProperty("source").GetProperty("data").GetString());
    }

    [Fact]
    public async Task ChatCompletions_JsonSchemaResponseFormat_IsAccepted()
    {
        var (mock, gw) = await StartAsync("openai-compatible");
        await using var _ = mock;
        await using var __ = gw;
        var options = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("answer", BinaryData.FromString("""{"type":"object","properties":{"a":{"type":"string"}}}""")),
        };

        ChatCompletion completion = await OpenAiChat(gw, "mock-gpt").CompleteChatAsync([new UserChatMessage("""{"a":"b"}""")], options, Ct);

        Assert.Equal("""{"a":"b"}""", completion.Content[0].Text);
        var forwarded = JsonDocument.Parse(Assert.Single(mock.Requests).Body).RootElement;
        Assert.Equal("json_schema", forwarded.GetProperty("response_format").GetProperty("type").GetString());
    }
}
