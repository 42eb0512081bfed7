using System.Runtime.CompilerServices;
using AgentGateway.Configuration;

namespace AgentGateway.Traffic;

/// <summary>
/// One connection pool (handler) per backend TLS setting, built on first use and kept for that config version;
/// a reload with new settings builds a new one (the old one's pooled connections idle out).
/// </summary>
public sealed class BackendTlsInvokers(IGatewayConfigProvider config)
{
    private readonly ConditionalWeakTable<BackendTlsConfig, HttpMessageInvoker> _invokers = [];
    private readonly ConditionalWeakTable<BackendTlsConfig, SocketsHttpHandler> _handlers = [];
    private readonly ConditionalWeakTable<BackendTlsConfig, HttpMessageHandler> _untraced = [];

    /// <summary>The invoker for <paramref name="tls"/> (http backends).</summary>
    public HttpMessageInvoker For(BackendTlsConfig tls) =>
        _invokers.GetValue(tls, t => new HttpMessageInvoker(Handler(t), disposeHandler: false));

    /// <summary>
    /// An HttpClient over the shared pool for <paramref name="tls"/>; disposing it leaves the pool open. No client
    /// timeout, like the shared upstream client: streams are long-lived and route timeouts apply.
    /// </summary>
    public HttpClient Client(BackendTlsConfig tls) => new(Handler(tls), disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The shared pool for <paramref name="tls"/> (do not dispose it: it lives as long as the setting).</summary>
    public HttpMessageHandler Handler(BackendTlsConfig tls) =>
        _handlers.GetValue(tls, t => BackendTls.CreateHandler(t, config.BaseDirectory));

    /// <summary>
    /// A second shared pool for <paramref name="tls"/> without the runtime's DiagnosticsHandler (no client span per
    /// call), for callers whose own span covers the call; the current span's trace context is still sent
    /// (<see cref="Routing.TraceContextHandler"/>). Do not dispose it: it lives as long as the setting.
    /// </summary>
    public HttpMessageHandler UntracedHandler(BackendTlsConfig tls) =>
        _untraced.GetValue(tls, t =>
        {
            var pool = BackendTls.CreateHandler(t, config.BaseDirectory);
            pool.ActivityHeadersPropagator = null;
            return new Routing.TraceContextHandler { InnerHandler = pool };
        });
}
