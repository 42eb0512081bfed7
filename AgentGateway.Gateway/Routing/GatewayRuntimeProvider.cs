using AgentGateway.Configuration;

namespace AgentGateway.Routing;

/// <summary>
/// Keeps the <see cref="GatewayRuntime"/> in step with the live config: compiled once per accepted config (on the first
/// request that sees it), then swapped in atomically. A rejected reload leaves the config, and so the runtime, as it was.
/// </summary>
internal sealed class GatewayRuntimeProvider(IGatewayConfigProvider configProvider, IEnumerable<IRuntimeCompiler> compilers)
{
    private readonly IRuntimeCompiler[] _compilers = [.. compilers];
    private readonly Lock _compiling = new();
    private GatewayRuntime? _current;

    public GatewayRuntime Current
    {
        get
        {
            var config = configProvider.Current;
            var runtime = Volatile.Read(ref _current);
            if (runtime is not null && ReferenceEquals(runtime.Config, config))
            {
                return runtime;
            }

            lock (_compiling)
            {
                // Another request may have compiled this config while we waited.
                runtime = _current;
                if (runtime is null || !ReferenceEquals(runtime.Config, config))
                {
                    runtime = Compile(config, runtime);
                    Volatile.Write(ref _current, runtime);
                }

                return runtime;
            }
        }
    }

    private GatewayRuntime Compile(GatewayConfig config, GatewayRuntime? previous) =>
        new(config, _compilers.ToDictionary(c => c.PartType, c => c.Compile(config, previous)));
}
