using System.ClientModel;
using AgentGateway.Tests.Infrastructure;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm.Providers.Bedrock;

/// <summary>
/// The official OpenAI and Anthropic SDKs through the gateway to a Bedrock provider: Converse and ConverseStream
/// on the mock, which checks each SigV4 signature with the secret it shares with the test.
/// </summary>
public class BedrockProviderTests
{
    private const string Model = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    private const string KeyId = "AKIDBEDROCKTEST";
    private const string Secret = "bedrock/test+secret";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string BedrockProvider(string name, MockLlmServer mock, string aws, string extra = "") =>
        $"  - {{ name: {name}, type: bedrock, baseUrl: \"{mock.BaseUrl.ToString().TrimEnd('/')}\", models: [\"anthropic.*\"], aws: {{ region: eu-west-1, {aws} }}{extra} }}";

    private static string StaticKeys(string secret = Secret) => $"accessKeyId: {KeyId}, secretAccessKey: \"{secret}\", sessionToken: session-token-1";

    private static Task<MockLlmServer> MockAsync() =>
        MockLlmServer.StartAsync(new MockLlmOptions { AwsAccessKeyId = KeyId, AwsSecretAccessKey = Secret, AwsBearerToken = "bedrock-api-key" }, Ct);

    [Fact]
    public async Task OpenAiSdk_TextStreamingAndTools_ReachConverseSigned()
    {
        await using var mock = await MockAsync();
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + BedrockProvider("aws", mock, StaticKeys())));

        await SdkChecks.OpenAiAsync(gw, Model);
        await SdkChecks.OpenAiToolsAsync(gw, Model);

        // Recorded decoded; the mock checked each signature over the raw, encoded target.
        Assert.Equal(["/model/anthropic.claude-3-5-sonnet-20240620-v1:0/converse", "/model/anthropic.claude-3-5-sonnet-20240620-v1:0/converse-stream"],
            mock.Requests.Take(2).Select(r => r.Path));
        Assert.All(mock.Requests, r =>
        {
            Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={KeyId}/", r.Headers["Authorization"], StringComparison.Ordinal);
            Assert.Contains("/eu-west-1/bedrock/aws4_request", r.Headers["Authorization"], StringComparison.Ordinal);
            Assert.Equal("session-token-1", r.Headers["x-amz-security-token"]);
        });
    }

    [Fact]
    public async Task AnthropicSdk_TextStreamingAndTools_TranslateToConverse()
    {
        await using var mock = await MockAsync();
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + BedrockProvider("aws", mock, StaticKeys())));

        await SdkChecks.AnthropicAsync(gw, Model);
        await SdkChecks.AnthropicToolsAsync(gw, Model);

        var withTools = mock.Requests[^1];
        Assert.Contains("\"toolSpec\":{\"name\":\"get_weather\"", withTools.Body, StringComparison.Ordinal);
        Assert.Contains("\"toolResult\":{\"toolUseId\":\"tooluse_mock1\"", withTools.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongSecret_SignatureRejected_ClientGets403InItsShape_NoFailover()
    {
        await using var mock = await MockAsync();
        await using var backup = await MockAsync();
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n"
            + BedrockProvider("wrong", mock, StaticKeys("not-the-secret")) + "\n"
            + BedrockProvider("right", backup, StaticKeys())));

        var ex = await Assert.ThrowsAsync<ClientResultException>(() => OpenAiChat(gw, Model).CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Ct));

        Assert.Equal(403, ex.Status);
        Assert.Contains("signature", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, backup.RequestCount);
    }

    [Fact]
    public async Task StreamThrottled_FailsOverToTheNextProvider()
    {
        await using var throttled = await MockLlmServer.StartAsync(new MockLlmOptions { AwsSecretAccessKey = Secret, StreamException = "throttlingException" }, Ct);
        await using var healthy = await MockAsync();
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n"
            + BedrockProvider("first", throttled, StaticKeys()) + "\n"
            + BedrockProvider("second", healthy, StaticKeys())));

        var text = new System.Text.StringBuilder();
        await foreach (var update in OpenAiChat(gw, Model).CompleteChatStreamingAsync([new UserChatMessage("after the throttle")], cancellationToken: Ct))
        {
            text.Append(string.Concat(update.ContentUpdate.Select(p => p.Text)));
        }

        Assert.Equal("after the throttle", text.ToString());
        Assert.Equal(1, throttled.RequestCount);
        Assert.Equal(1, healthy.RequestCount);
    }

    [Fact]
    public async Task ApiKey_IsSentAsBearer_WithoutSignature()
    {
        await using var mock = await MockAsync();
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + BedrockProvider("aws", mock, "credentials: auto", ", apiKey: bedrock-api-key")));

        ChatCompletion completion = await OpenAiChat(gw, Model).CompleteChatAsync([new UserChatMessage("keyed")], cancellationToken: Ct);

        Assert.Equal("keyed", completion.Content[0].Text);
        Assert.Equal("Bearer bedrock-api-key", Assert.Single(mock.Requests).Headers["Authorization"]);
    }

    [Fact]
    public async Task InstanceRole_CredentialsFromImdsV2_SignTheRequest()
    {
        await using var mock = await MockAsync();
        // The SDKs' own endpoint override; no other test in this process uses instance credentials.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_SERVICE_ENDPOINT", mock.BaseUrl.ToString());
        try
        {
            await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + BedrockProvider("aws", mock, "credentials: instance")));

            ChatCompletion first = await OpenAiChat(gw, Model).CompleteChatAsync([new UserChatMessage("first")], cancellationToken: Ct);
            ChatCompletion second = await OpenAiChat(gw, Model).CompleteChatAsync([new UserChatMessage("second")], cancellationToken: Ct);

            Assert.Equal("second", second.Content[0].Text);
            var converse = mock.Requests.Where(r => r.Path.StartsWith("/model/", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, converse.Count);
            Assert.All(converse, r => Assert.Equal("mock-instance-session-token", r.Headers["x-amz-security-token"]));
            // Two converse calls and one credentials fetch: the temporary keys were cached.
            Assert.Equal(3, mock.RequestCount);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_SERVICE_ENDPOINT", null);
        }
    }
}
