using AgentGateway.Tests.Infrastructure;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm.Providers.Entra;

/// <summary>
/// Azure OpenAI with Microsoft Entra ID through a real Azure.Identity ManagedIdentityCredential, pointed by the
/// App Service / Container Apps environment variables at the mock's managed-identity endpoint.
/// </summary>
public class AzureEntraTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ManagedIdentity_BearerTokenCached_ThenRefreshedBeforeExpiry()
    {
        await using var mock = await MockLlmServer.StartAsync(new MockLlmOptions { EntraTokenLifetimeSeconds = 8 }, Ct);
        // Process-wide, but no other test uses a managed identity.
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", new Uri(mock.BaseUrl, "msi/token").ToString());
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", "mock-identity-header");
        try
        {
            await using var gw = await TestGateway.StartAsync(Yaml("providers:\n"
                + $"  - {{ name: az, type: azure-openai, baseUrl: \"{mock.BaseUrl.ToString().TrimEnd('/')}\", apiVersion: 2024-10-21, models: [gpt-4o], azure: {{ auth: entra, credential: managedIdentity }} }}"));

            async Task<string> CallAsync(string prompt)
            {
                ChatCompletion completion = await OpenAiChat(gw, "gpt-4o").CompleteChatAsync([new UserChatMessage(prompt)], cancellationToken: Ct);
                Assert.Equal(prompt, completion.Content[0].Text);
                return mock.Requests[^1].Headers["Authorization"];
            }

            var first = await CallAsync("one");
            var second = await CallAsync("two");
            // An 8 s token is refreshed at half its lifetime (a real one five minutes before expiry).
            await Task.Delay(TimeSpan.FromSeconds(5), Ct);
            var third = await CallAsync("three");

            Assert.Equal("Bearer entra-token-1", first);
            Assert.Equal("Bearer entra-token-1", second);
            Assert.Equal("Bearer entra-token-2", third);
            Assert.Equal(2, mock.TokensIssued);
            Assert.All(mock.Requests, r => Assert.False(r.Headers.ContainsKey("api-key")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", null);
            Environment.SetEnvironmentVariable("IDENTITY_HEADER", null);
        }
    }

    [Fact]
    public void RefreshAt_IsFiveMinutesEarly_OrHalfAShortLifetime_OrTheCredentialsOwnHint()
    {
        var now = DateTimeOffset.UnixEpoch;

        Assert.Equal(now.AddMinutes(55), AgentGateway.Llm.Providers.Entra.EntraTokenSource.RefreshAt(new Azure.Core.AccessToken("t", now.AddHours(1)), now));
        Assert.Equal(now.AddMinutes(2), AgentGateway.Llm.Providers.Entra.EntraTokenSource.RefreshAt(new Azure.Core.AccessToken("t", now.AddMinutes(4)), now));
        Assert.Equal(now.AddMinutes(30), AgentGateway.Llm.Providers.Entra.EntraTokenSource.RefreshAt(new Azure.Core.AccessToken("t", now.AddHours(1), now.AddMinutes(30)), now));
    }
}
