using System.Runtime.CompilerServices;
using AgentGateway.Llm.Providers;

namespace AgentGateway.Llm.Runtime;

/// <summary>
/// Runtime state per backend config instance. A reload produces new config records, so the next request builds
/// fresh provider clients, while in-flight requests keep the runtime of the snapshot they started with.
/// </summary>
internal sealed class LlmRuntimeCache(IHttpMessageHandlerFactory handlers, Traffic.BackendTlsInvokers tlsHandlers, ProviderHealth health)
{
    private readonly ConditionalWeakTable<LlmBackendConfig, LlmBackendRuntime> _runtimes = [];

    public LlmBackendRuntime Get(string backend, LlmBackendConfig config) =>
        _runtimes.GetValue(config, c => new LlmBackendRuntime(backend, c,
            p => p.Tls is { } tls ? tlsHandlers.Handler(tls) : handlers.CreateHandler(Routing.UpstreamHttpClient.Name), health));
}
