using Azure.Core;
using Azure.Identity;

namespace AgentGateway.Llm.Providers.Entra;

/// <summary>
/// Bearer tokens for Azure OpenAI from Microsoft Entra ID: DefaultAzureCredential, or only the managed identity
/// (what an azd deployment to Azure Container Apps has). Our own cache over the <see cref="TokenCredential"/>, so
/// a request never waits for Entra while the token is fresh: it is fetched again at the credential's
/// <c>RefreshOn</c>, else five minutes (at most half its lifetime) before it expires, by one caller for all.
/// </summary>
internal sealed class EntraTokenSource
{
    public const string DefaultScope = "https://cognitiveservices.azure.com/.default";
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private readonly RefreshingCache<Token> _cache;

    public EntraTokenSource(AzureAuthConfig config, TimeProvider time)
    {
        TokenCredential credential = string.Equals(config.Credential, "managedIdentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(config.ClientId is { Length: > 0 } id ? ManagedIdentityId.FromUserAssignedClientId(id) : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { TenantId = config.TenantId, ManagedIdentityClientId = config.ClientId });
        var context = new TokenRequestContext([config.Scope is { Length: > 0 } scope ? scope : DefaultScope], tenantId: config.TenantId);
        _cache = new RefreshingCache<Token>(
            async ct => new Token(await credential.GetTokenAsync(context, ct)),
            (t, now) => RefreshAt(t.Value, now),
            time);
    }

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken) => (await _cache.GetAsync(cancellationToken)).Value.Token;

    /// <summary>When a token obtained at <paramref name="now"/> should be replaced.</summary>
    public static DateTimeOffset RefreshAt(AccessToken token, DateTimeOffset now)
    {
        var lifetime = token.ExpiresOn - now;
        var early = token.ExpiresOn - (lifetime / 2 < Margin ? lifetime / 2 : Margin);
        return token.RefreshOn is { } refreshOn && refreshOn < early ? refreshOn : early;
    }

    // AccessToken is a struct; the cache holds references.
    private sealed record Token(AccessToken Value)
    {
        public override string ToString() => "Token";
    }
}
