using Microsoft.Extensions.Hosting;

namespace AgentGateway.AppHost.Dashboard;

/// <summary>A host lifetime that does nothing: start and stop of the dashboard are driven by the AppHost.</summary>
internal sealed class DashboardHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
