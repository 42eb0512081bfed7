using Google.Apis.Auth.OAuth2;

namespace AgentGateway.Llm.Providers.Google;

/// <summary>
/// Vertex AI access tokens from Google.Apis.Auth: a service-account key file, or application-default credentials.
/// The library caches the token and refreshes it before expiry; the credential is loaded once, on first use.
/// </summary>
internal sealed class GoogleTokenSource(GoogleProviderConfig config)
{
    private const string Scope = "https://www.googleapis.com/auth/cloud-platform";
    private readonly Lazy<Task<ITokenAccess>> _credential = new(() => LoadAsync(config));

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        var credential = await _credential.Value.WaitAsync(cancellationToken);
        return await credential.GetAccessTokenForRequestAsync(cancellationToken: cancellationToken);
    }

    private static async Task<ITokenAccess> LoadAsync(GoogleProviderConfig config)
    {
        var credential = config.CredentialsFile is { Length: > 0 } file
            ? (await CredentialFactory.FromFileAsync<ServiceAccountCredential>(file, CancellationToken.None)).ToGoogleCredential()
            : await GoogleCredential.GetApplicationDefaultAsync();
        return credential.CreateScoped(Scope);
    }
}
