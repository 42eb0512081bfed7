using AgentGateway.Configuration;
using AgentGateway.Routing;

namespace AgentGateway.Http;

/// <summary>An http backend as the handler uses it: its config, and its durations as <see cref="TimeSpan"/>s.</summary>
internal sealed record HttpBackend(HttpBackendConfig Config, TimeSpan ReactivationPeriod);

/// <summary>The http backends of one config, compiled once per reload (a runtime part).</summary>
internal sealed class HttpBackends(IReadOnlyDictionary<string, HttpBackend> byName)
{
    public HttpBackend this[string name] => byName[name];
}

/// <summary>Compiles <see cref="HttpBackends"/> for the runtime.</summary>
internal sealed class HttpBackendsCompiler : RuntimeCompiler<HttpBackends>
{
    private static readonly TimeSpan DefaultReactivation = TimeSpan.FromSeconds(30);

    protected override HttpBackends Compile(GatewayConfig config, GatewayConfig? previousConfig, HttpBackends? previousPart) =>
        new(config.Http.ToDictionary(
            b => b.Key,
            b => new HttpBackend(b.Value, Duration.TryParse(b.Value.ReactivationPeriod, out var period) ? period : DefaultReactivation),
            StringComparer.OrdinalIgnoreCase));
}
