using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;
using Anthropic.Models.Messages;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.FailoverTests;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm;

public class CredentialsAndAuthorizationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClientCredentials_AreNeverForwarded_UpstreamKeyIsUsed()
    {
        await using var openai = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var claude = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n"
            + Provider("openai", "openai", openai.BaseUrl, "[gpt-*]") + "\n"
            + Provider("claude", "anthropic", claude.BaseUrl, "[claude-*]")));

        await OpenAiChat(gw, "gpt-x").CompleteChatAsync([new UserChatMessage("a")], cancellationToken: Ct);
        await OpenAiChat(gw, "claude-x").CompleteChatAsync([new UserChatMessage("b")], cancellationToken: Ct);
        await AnthropicSdk(gw).Messages.Create(new MessageCreateParams { MaxTokens = 5, Model = "claude-x", Messages = [new UserMessageParam("c")] }, Ct);
        await AnthropicSdk(gw).Messages.Create(new MessageCreateParams { MaxTokens = 5, Model = "gpt-x", Messages = [new UserMessageParam("d")] }, Ct);

        var all = openai.Requests.Concat(claude.Requests).ToList();
        Assert.Equal(4, all.Count);
        Assert.All(all, r => Assert.DoesNotContain(r.Headers.Values, v => v.Contains(ClientKey, StringComparison.Ordinal)));
        Assert.All(openai.Requests, r => Assert.Equal("Bearer upstream-key-openai", r.Headers["Authorization"]));
        Assert.All(claude.Requests, r => Assert.Equal("upstream-key-claude", r.Headers["x-api-key"]));
    }

    [Fact]
    public async Task PassthroughTrue_ForwardsTheClientsOwnKey()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("byok", "openai-compatible", mock.BaseUrl, "[gpt-x]", "passthrough: true")));

        await OpenAiChat(gw, "gpt-x").CompleteChatAsync([new UserChatMessage("mine")], cancellationToken: Ct);

        Assert.Equal("Bearer " + ClientKey, Assert.Single(mock.Requests).Headers["Authorization"]);
    }

    [Fact]
    public async Task AzureOpenAi_UsesDeploymentPathApiVersionAndApiKeyHeader()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("azure", "azure-openai", mock.BaseUrl, "[gpt-4o]", "deployment: prod-4o, apiVersion: 2024-10-21")));

        ChatCompletion passthrough = await OpenAiChat(gw, "gpt-4o").CompleteChatAsync([new UserChatMessage("via azure")], cancellationToken: Ct);
        var translated = await AnthropicSdk(gw).Messages.Create(new MessageCreateParams { MaxTokens = 5, Model = "gpt-4o", Messages = [new UserMessageParam("via sdk")] }, Ct);

        Assert.Equal("via azure", passthrough.Content[0].Text);
        Assert.True(translated.Content[0].TryPickText(out var text));
        Assert.Equal("via sdk", text.Text);
        Assert.Equal(2, mock.RequestCount);
        Assert.All(mock.Requests, r =>
        {
            Assert.Equal("/openai/deployments/prod-4o/chat/completions?api-version=2024-10-21", r.Path);
            Assert.Equal("upstream-key-azure", r.Headers["api-key"]);
            Assert.False(r.Headers.ContainsKey("Authorization"));
        });
    }

    [Fact]
    public async Task Authorizer_IsAskedPerModel_AndDenialIs403InApiShape()
    {
        var authorizer = new RecordingAuthorizer("forbidden-model");
        await using var gw = await TestGateway.StartAsync(
            Yaml("providers:\n  - { name: local, type: mock }"),
            configure: b => b.Services.AddSingleton<IRequestAuthorizer>(authorizer));
        var client = gw.CreateClient();

        var allowed = await client.PostAsync("/v1/chat/completions", Json("""{"model":"ok-model","messages":[{"role":"user","content":"x"}]}"""), Ct);
        var denied = await client.PostAsync("/v1/chat/completions", Json("""{"model":"forbidden-model","messages":[{"role":"user","content":"x"}]}"""), Ct);
        var deniedAnthropic = await client.PostAsync("/v1/messages", Json("""{"model":"forbidden-model","max_tokens":5,"messages":[{"role":"user","content":"x"}]}"""), Ct);
        var embed = await client.PostAsync("/v1/embeddings", Json("""{"model":"ok-model","input":"x"}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("permission_error", JsonDocument.Parse(await denied.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, deniedAnthropic.StatusCode);
        Assert.Equal("permission_error", JsonDocument.Parse(await deniedAnthropic.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error").GetProperty("type").GetString());
        var chat = authorizer.Requests.First(r => r.ResourceId == "ok-model" && r.Action == "chat");
        Assert.Equal("Model", chat.ResourceType);
        Assert.Equal("local", chat.ResourceAttributes["provider"]);
        Assert.Equal("ok-model", chat.ResourceAttributes["name"]);
        Assert.Contains(authorizer.Requests, r => r.Action == "embed" && r.ResourceId == "ok-model");
    }

    private sealed class RecordingAuthorizer(string deniedModel) : IRequestAuthorizer
    {
        public ConcurrentQueue<AuthorizationRequest> Requests { get; } = new();

        public ValueTask<AuthorizationResult> AuthorizeAsync(HttpContext http, AuthorizationRequest request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request);
            return ValueTask.FromResult(new AuthorizationResult(request.ResourceId != deniedModel, ["test"], []));
        }
    }
}
