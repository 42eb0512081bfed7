using AgentGateway.Llm.Guards;
using AgentGateway.Llm.Providers;
using AgentGateway.Llm.VirtualModels;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Llm.Runtime;

/// <summary>Everything one llm backend needs at request time, built once per config snapshot.</summary>
internal sealed class LlmBackendRuntime
{
    private readonly Wire.LlmApi[] _passesThrough;

    /// <param name="upstream">The handler a provider's calls go through (its TLS settings' pool, or the shared one).</param>
    public LlmBackendRuntime(string name, LlmBackendConfig config, Func<LlmProviderConfig, HttpMessageHandler> upstream, ProviderHealth health, ILogger logger)
    {
        Name = name;
        Config = config;
        var built = config.Providers.Select(p => new LlmProvider(name, p, upstream(p), health)).ToList();

        // Failover order first, then the providers it does not mention, in config order.
        var ordered = new List<LlmProvider>();
        foreach (var failoverName in config.Failover)
        {
            ordered.AddRange(built.Where(p => string.Equals(p.Name, failoverName, StringComparison.OrdinalIgnoreCase) && !ordered.Contains(p)));
        }

        ordered.AddRange(built.Where(p => !ordered.Contains(p)));
        Providers = ordered;
        VirtualModels = config.VirtualModels.ToDictionary(v => v.Key, v => new VirtualModel(v.Key, v.Value, ordered, logger), StringComparer.OrdinalIgnoreCase);
        Router = new ModelRouter(ordered, config.Aliases, VirtualModels);
        RequestGuards = GuardSet.Build(config.Guards?.Request, onRequest: true);
        ResponseGuards = GuardSet.Build(config.Guards?.Response, onRequest: false);
        var unguarded = RequestGuards.IsEmpty && ResponseGuards.IsEmpty && ordered.Count > 0;
        _passesThrough = unguarded ? [.. Enum.GetValues<Wire.LlmApi>().Where(api => api != Wire.LlmApi.None && ordered.All(p => p.NativeApi == api))] : [];
    }

    public string Name { get; }

    public LlmBackendConfig Config { get; }

    public IReadOnlyList<LlmProvider> Providers { get; }

    public ModelRouter Router { get; }

    /// <summary>The backend's virtual models with what their strategies learned (latency, in-flight, ejections) so far.</summary>
    public IReadOnlyDictionary<string, VirtualModel> VirtualModels { get; }

    public GuardSet RequestGuards { get; }

    public GuardSet ResponseGuards { get; }

    /// <summary>
    /// Whether every request in <paramref name="api"/> goes to its provider byte for byte: all providers speak it
    /// natively and no guard reads the body. Decided once per config, so such requests skip reading the body.
    /// </summary>
    public bool PassesThrough(Wire.LlmApi api) => Array.IndexOf(_passesThrough, api) >= 0;
}
