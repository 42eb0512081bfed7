using System.ClientModel;
using System.Text;
using AgentGateway.Tests.Infrastructure;
using Anthropic.Models.Messages;
using MockLlm;
using OpenAI.Chat;
using OpenAI.Embeddings;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm;

/// <summary>Ollama (native API through OllamaSharp, OpenAI endpoint for passthrough) and Gemini (OpenAI-compatible).</summary>
public class OtherProviderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ollama_AnthropicClientTranslatesThroughOllamaSharp_OpenAiClientPassesThrough()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("local", "ollama", mock.BaseUrl, "[llama3*]")));

        var translated = await AnthropicSdk(gw).Messages.Create(new MessageCreateParams { MaxTokens = 20, Model = "llama3.2", Messages = [new UserMessageParam("native ollama path")] }, Ct);
        var streamed = new StringBuilder();
        await foreach (var ev in AnthropicSdk(gw).Messages.CreateStreaming(new MessageCreateParams { MaxTokens = 20, Model = "llama3.2", Messages = [new UserMessageParam("streamed via ndjson")] }, Ct))
        {
            if (ev.TryPickContentBlockDelta(out var d) && d.Delta.TryPickText(out var t))
            {
                streamed.Append(t.Text);
            }
        }

        ChatCompletion passthrough = await OpenAiChat(gw, "llama3.2").CompleteChatAsync([new UserChatMessage("openai endpoint")], cancellationToken: Ct);

        Assert.True(translated.Content[0].TryPickText(out var text));
        Assert.Equal("native ollama path", text.Text);
        Assert.Equal("streamed via ndjson", streamed.ToString());
        Assert.Equal("openai endpoint", passthrough.Content[0].Text);
        Assert.Equal(["/api/chat", "/api/chat", "/v1/chat/completions"], mock.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Gemini_IsOpenAiCompatiblePassthrough()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("google", "gemini", mock.BaseUrl, "[gemini-*]")));

        ChatCompletion completion = await OpenAiChat(gw, "gemini-2.5-flash").CompleteChatAsync([new UserChatMessage("hi gemini")], cancellationToken: Ct);
        OpenAIEmbedding embedding = await new EmbeddingClient("gemini-embedding", new ApiKeyCredential(ClientKey), OpenAiOptions(gw)).GenerateEmbeddingAsync("abc", cancellationToken: Ct);

        Assert.Equal("hi gemini", completion.Content[0].Text);
        Assert.Equal(3f, embedding.ToFloats().Span[3]);
        Assert.All(mock.Requests, r => Assert.Equal("Bearer upstream-key-google", r.Headers["Authorization"]));
    }
}
