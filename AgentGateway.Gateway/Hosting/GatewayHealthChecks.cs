using AgentGateway.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentGateway.Hosting;

/// <summary>Ready once the configuration is loaded.</summary>
internal sealed class ConfigHealthCheck(IGatewayConfigProvider config) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{config.Current.Routes.Count} routes"));
        }
        catch (InvalidOperationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("configuration not loaded"));
        }
    }
}
