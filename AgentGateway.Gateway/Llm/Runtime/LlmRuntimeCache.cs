using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AgentGateway.Configuration;
using AgentGateway.Llm.Providers;
using AgentGateway.Llm.VirtualModels;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Llm.Runtime;

/// <summary>
/// Runtime state per backend config instance. A reload produces new config records; a backend whose config changed gets
/// fresh provider clients, an unchanged one (compared by value) keeps its runtime, while in-flight requests keep the runtime of the snapshot they started with.
/// </summary>
internal sealed class LlmRuntimeCache(Routing.UpstreamHandlers handlers, Traffic.BackendTlsInvokers tlsHandlers, ProviderHealth health, ILoggerFactory loggers)
{
    private readonly ConditionalWeakTable<LlmBackendConfig, LlmBackendRuntime> _runtimes = [];
    private readonly ConcurrentDictionary<string, (LlmBackendConfig Config, LlmBackendRuntime Runtime)> _latest = new(StringComparer.Ordinal);

    public LlmBackendRuntime Get(string backend, LlmBackendConfig config) =>
        _runtimes.GetValue(config, c =>
        {
            // Compared by value once per new config instance: a reload that left this backend alone keeps its clients.
            var runtime = _latest.TryGetValue(backend, out var last) && ConfigEquality.AreEqual(last.Config, c)
                ? last.Runtime
                : new LlmBackendRuntime(backend, c,
                    p => p.Tls is { } tls ? tlsHandlers.Handler(tls) : handlers.For(p.BaseUrl), health, loggers.CreateLogger<VirtualModel>());
            _latest[backend] = (c, runtime);
            return runtime;
        });
}
