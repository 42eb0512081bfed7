namespace AgentGateway.Routing;

/// <summary>
/// The named HttpClient every backend kind and fetcher shares for calls the gateway makes itself (MCP targets, A2A
/// agents, JWKS and OpenAPI documents, LLM providers addressed by a service-discovery name): no redirects, no proxy,
/// pooled connections renewed every few minutes. Other LLM providers use <see cref="UpstreamHandlers"/>' plain pool.
/// </summary>
public static class UpstreamHttpClient
{
    /// <summary>The client's name for <see cref="IHttpClientFactory"/> and <see cref="IHttpMessageHandlerFactory"/>.</summary>
    public const string Name = "upstream";
}
