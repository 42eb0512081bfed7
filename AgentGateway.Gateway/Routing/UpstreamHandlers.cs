using System.Diagnostics.Metrics;

namespace AgentGateway.Routing;

/// <summary>
/// The connection pool an LLM provider without TLS settings calls through. A provider addressed by a service-discovery
/// name (an Aspire <c>services:NAME</c> entry, <c>https+http://</c>, <c>_endpoint.name</c>) keeps the
/// <see cref="UpstreamHttpClient"/> chain, which resolves it. Every other provider shares one plain
/// <see cref="SocketsHttpHandler"/>: no <see cref="IHttpClientFactory"/> handlers (service discovery's per-request
/// lookup) and no DiagnosticsHandler (a client span and DiagnosticListener events per call, ~16 % of a passthrough
/// call's CPU together in profiles). The LLM attempt span already is the client span of the call; trace context
/// still goes upstream (<see cref="TraceContextHandler"/>) and the runtime's <c>http.client.*</c> metrics are still recorded.
/// </summary>
public sealed class UpstreamHandlers(IHttpMessageHandlerFactory factory, IConfiguration configuration, IMeterFactory? meters = null) : IDisposable
{
    private readonly Lazy<TraceContextHandler> _plain = new(() => CreatePlain(meters));

    /// <summary>The handler for calls to <paramref name="baseUrl"/> (null: the provider's public default endpoint).</summary>
    public HttpMessageHandler For(string? baseUrl) =>
        UsesServiceDiscovery(baseUrl) ? factory.CreateHandler(UpstreamHttpClient.Name) : _plain.Value;

    /// <summary>Whether <paramref name="baseUrl"/> may need service discovery to resolve.</summary>
    public bool UsesServiceDiscovery(string? baseUrl)
    {
        if (baseUrl is null)
        {
            return false;
        }

        // Anything unusual keeps the resolving chain: it behaves exactly as before.
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.StartsWith('_'))
        {
            return true;
        }

        return configuration.GetSection("services").GetSection(uri.Host).Exists();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_plain.IsValueCreated)
        {
            _plain.Value.Dispose();
        }
    }

    // The settings of the "upstream" client's primary handler (no redirects: configured secrets must not follow a
    // Location; no proxy), and no cookie container shared by every caller of a provider.
    private static TraceContextHandler CreatePlain(IMeterFactory? meters) => new TraceContextHandler
    {
        InnerHandler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ActivityHeadersPropagator = null,
            MeterFactory = meters,
        },
    };
}
