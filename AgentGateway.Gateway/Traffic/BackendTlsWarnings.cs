using AgentGateway.Configuration;
using Microsoft.Extensions.Hosting;

namespace AgentGateway.Traffic;

/// <summary>Warns at startup and on every reload about backends whose certificates are not verified.</summary>
internal sealed partial class BackendTlsWarnings(IGatewayConfigProvider config, ILogger<BackendTlsWarnings> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Warn(config.Current);
        config.Reloaded += Warn;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        config.Reloaded -= Warn;
        return Task.CompletedTask;
    }

    private void Warn(GatewayConfig current)
    {
        foreach (var (name, backend) in current.Http)
        {
            if (backend.Tls?.InsecureSkipVerify == true)
            {
                Log.InsecureBackend(logger, $"http backend '{name}'");
            }
        }

        foreach (var (name, backend) in current.Llm)
        {
            foreach (var provider in backend.Providers.Where(static p => p.Tls?.InsecureSkipVerify == true))
            {
                Log.InsecureBackend(logger, $"llm provider '{name}.{provider.Name}'");
            }
        }

        foreach (var (name, agent) in current.A2A.Where(static a => a.Value.Tls?.InsecureSkipVerify == true))
        {
            Log.InsecureBackend(logger, $"a2a agent '{name}'");
        }

        foreach (var (name, backend) in current.Mcp)
        {
            foreach (var target in backend.Targets.Where(static t => t.Tls?.InsecureSkipVerify == true))
            {
                Log.InsecureBackend(logger, $"mcp target '{name}.{target.Name}'");
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "{Backend} has tls.insecureSkipVerify: its certificate is NOT verified (development only)")]
        public static partial void InsecureBackend(ILogger logger, string backend);
    }
}
