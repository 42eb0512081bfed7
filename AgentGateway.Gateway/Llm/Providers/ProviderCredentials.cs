using AgentGateway.Llm.Providers.Bedrock;

namespace AgentGateway.Llm.Providers;

/// <summary>
/// The credential step for providers that do not authenticate with a static key: SigV4 for Bedrock, bearer tokens
/// for Vertex and Azure with Entra ID. Placed inside <see cref="ProviderHttpHandler"/> so it acts last, on the
/// request as it goes out. Holds per-provider caches (credentials, tokens), built once per config snapshot.
/// </summary>
internal static class ProviderCredentials
{
    public static HttpMessageHandler Wrap(ProviderType type, LlmProviderConfig config, HttpMessageHandler upstream, TimeProvider time)
    {
        if (config.Passthrough || config.ApiKey is { Length: > 0 })
        {
            return upstream;
        }

        return type switch
        {
            ProviderType.Bedrock => new SigV4Handler(new AwsCredentialSource(config.Aws ?? new AwsProviderConfig(), time), BedrockRegion.Of(config) ?? "us-east-1", time) { InnerHandler = upstream },
            ProviderType.Vertex => new BearerTokenHandler(new Google.GoogleTokenSource(config.Google ?? new GoogleProviderConfig()).GetAsync) { InnerHandler = upstream },
            ProviderType.AzureOpenAi when string.Equals(config.Azure?.Auth, "entra", StringComparison.OrdinalIgnoreCase)
                => new BearerTokenHandler(new Entra.EntraTokenSource(config.Azure!, time).GetAsync) { InnerHandler = upstream },
            _ => upstream,
        };
    }
}
