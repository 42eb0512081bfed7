using System.Runtime.CompilerServices;
using AgentGateway.Configuration;

namespace AgentGateway.Traffic;

/// <summary>
/// One HttpMessageInvoker per backend TLS setting, built on first use and kept for that config version;
/// a reload with new settings builds a new one (the old one's pooled connections idle out).
/// </summary>
public sealed class BackendTlsInvokers(IGatewayConfigProvider config)
{
    private readonly ConditionalWeakTable<BackendTlsConfig, HttpMessageInvoker> _invokers = [];

    /// <summary>The invoker for <paramref name="tls"/>.</summary>
    public HttpMessageInvoker For(BackendTlsConfig tls) =>
        _invokers.GetValue(tls, t => new HttpMessageInvoker(BackendTls.CreateHandler(t, config.BaseDirectory), disposeHandler: true));
}
