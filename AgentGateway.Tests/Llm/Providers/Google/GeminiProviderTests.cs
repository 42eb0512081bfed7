using System.Security.Cryptography;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm.Providers.Google;

/// <summary>
/// The official OpenAI and Anthropic SDKs through the gateway to Gemini's native API (API key) and to Vertex AI
/// (a real Google.Apis.Auth service-account credential whose token endpoint is the mock's).
/// </summary>
public class GeminiProviderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string GeminiProvider(MockLlmServer mock) =>
        $"  - {{ name: google, type: gemini-native, baseUrl: \"{mock.BaseUrl.ToString().TrimEnd('/')}\", apiKey: gemini-key, models: [\"gemini-*\"] }}";

    [Fact]
    public async Task GeminiNative_OpenAiAndAnthropicSdks_TextStreamingAndTools()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + GeminiProvider(mock)));

        await SdkChecks.OpenAiAsync(gw, "gemini-2.5-flash");
        await SdkChecks.OpenAiToolsAsync(gw, "gemini-2.5-flash");
        await SdkChecks.AnthropicAsync(gw, "gemini-2.5-flash");
        await SdkChecks.AnthropicToolsAsync(gw, "gemini-2.5-flash");

        Assert.Equal("/v1beta/models/gemini-2.5-flash:generateContent", mock.Requests[0].Path);
        Assert.Equal("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", mock.Requests[1].Path);
        Assert.All(mock.Requests, r =>
        {
            Assert.Equal("gemini-key", r.Headers["x-goog-api-key"]);
            Assert.False(r.Headers.ContainsKey("Authorization"));
        });
        var toolResult = mock.Requests[^1].Body;
        Assert.Contains("\"functionResponse\":{\"name\":\"get_weather\"", toolResult, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeminiNative_QuotaExhausted_FailsOverThenErrorsInClientShape()
    {
        await using var exhausted = await MockLlmServer.StartAsync(new MockLlmOptions { FailStatus = 429 }, Ct);
        await using var healthy = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + GeminiProvider(exhausted) + "\n" + GeminiProvider(healthy).Replace("name: google", "name: backup", StringComparison.Ordinal)));

        ChatCompletion completion = await OpenAiChat(gw, "gemini-pro").CompleteChatAsync([new UserChatMessage("second try")], cancellationToken: Ct);

        Assert.Equal("second try", completion.Content[0].Text);
        Assert.Equal(1, exhausted.RequestCount);
    }

    [Fact]
    public async Task Vertex_ServiceAccountToken_OpenAiAndAnthropicSdks()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        var keyFile = Path.Combine(Path.GetTempPath(), "vertex-sa-" + Guid.NewGuid().ToString("N") + ".json");
        using var rsa = RSA.Create(2048);
        await File.WriteAllTextAsync(keyFile, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["project_id"] = "demo-project",
            ["private_key_id"] = "key1",
            ["private_key"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = "gateway@demo-project.iam.gserviceaccount.com",
            ["client_id"] = "1234567890",
            ["token_uri"] = new Uri(mock.BaseUrl, "token").ToString(),
        }), Ct);
        try
        {
            await using var gw = await TestGateway.StartAsync(Yaml("providers:\n"
                + $"  - {{ name: vertex, type: vertex, baseUrl: \"{mock.BaseUrl.ToString().TrimEnd('/')}\", models: [\"gemini-*\"], google: {{ project: demo-project, location: europe-west4, credentialsFile: \"{keyFile}\" }} }}"));

            await SdkChecks.OpenAiAsync(gw, "gemini-2.5-pro");
            await SdkChecks.AnthropicToolsAsync(gw, "gemini-2.5-pro");

            Assert.Equal("/v1/projects/demo-project/locations/europe-west4/publishers/google/models/gemini-2.5-pro:generateContent", mock.Requests[0].Path);
            Assert.All(mock.Requests, r => Assert.Equal("Bearer ya29.mock-vertex-token", r.Headers["Authorization"]));
            Assert.Equal(1, mock.TokensIssued); // one token, cached by the credential across five calls
        }
        finally
        {
            File.Delete(keyFile);
        }
    }
}
