using AgentGateway.Configuration;
using AgentGateway.Routing;

namespace AgentGateway.A2A;

/// <summary>How long each A2A backend's rewritten card is cached, as a <see cref="TimeSpan"/>, compiled once per reload.</summary>
internal sealed class A2ACardTtls(IReadOnlyDictionary<string, TimeSpan> byBackend)
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    public TimeSpan For(string backend, A2ABackendConfig config) => byBackend.TryGetValue(backend, out var ttl) ? ttl : Parse(config);

    public static TimeSpan Parse(A2ABackendConfig config) => Duration.TryParse(config.CardCacheTtl, out var ttl) ? ttl : Default;
}

/// <summary>Compiles <see cref="A2ACardTtls"/> for the runtime.</summary>
internal sealed class A2ACardTtlsCompiler : RuntimeCompiler<A2ACardTtls>
{
    protected override A2ACardTtls Compile(GatewayConfig config, GatewayConfig? previousConfig, A2ACardTtls? previousPart) =>
        new(config.A2A.ToDictionary(b => b.Key, b => A2ACardTtls.Parse(b.Value), StringComparer.OrdinalIgnoreCase));
}
