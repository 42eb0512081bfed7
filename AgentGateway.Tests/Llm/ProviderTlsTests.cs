using System.ClientModel;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Traffic;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm;

/// <summary>LLM providers take the http backends' <c>tls</c> block: a provider behind a private CA is reached only with it.</summary>
public class ProviderTlsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProviderBehindAPrivateCa_IsReachedWithItsCaPath_AndRefusedWithout()
    {
        using var certs = TestCertificates.Create();
        await using var mock = await MockLlmServer.StartAsync(new MockLlmOptions { Certificate = certs.IssueServer() }, Ct);
        Assert.Equal("https", mock.BaseUrl.Scheme);
        await using var secure = await TestGateway.StartAsync(Yaml("providers:\n"
            + Provider("p", "openai-compatible", mock.BaseUrl, "[mock-gpt]", $"tls: {{ caPath: \"{certs.CaPath}\" }}")));
        await using var plain = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("p", "openai-compatible", mock.BaseUrl, "[mock-gpt]")));

        ChatCompletion completion = await OpenAiChat(secure, "mock-gpt").CompleteChatAsync([new UserChatMessage("over tls")], cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<ClientResultException>(() => OpenAiChat(plain, "mock-gpt").CompleteChatAsync([new UserChatMessage("no ca")], cancellationToken: Ct));

        Assert.Equal("over tls", completion.Content[0].Text);
        Assert.Equal(502, refused.Status); // the system roots do not know the CA: the provider cannot be reached
        Assert.Equal(1, mock.RequestCount);
    }
}
