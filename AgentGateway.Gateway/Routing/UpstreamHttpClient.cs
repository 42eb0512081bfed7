namespace AgentGateway.Routing;

/// <summary>
/// The named HttpClient every backend kind and fetcher shares for calls the gateway makes itself (LLM providers, MCP
/// targets, A2A agents, JWKS and OpenAPI documents): no redirects, no proxy, pooled connections renewed every few minutes.
/// </summary>
public static class UpstreamHttpClient
{
    /// <summary>The client's name for <see cref="IHttpClientFactory"/> and <see cref="IHttpMessageHandlerFactory"/>.</summary>
    public const string Name = "upstream";
}
