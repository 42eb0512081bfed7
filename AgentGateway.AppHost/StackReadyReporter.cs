using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentGateway.AppHost;

/// <summary>
/// One log line once every resource is healthy, with the time since the AppHost started and the gateway's
/// URL: what a person waits for before sending the first request (the dashboard shows the details).
/// </summary>
internal static partial class StackReadyReporter
{
    private const string Dashboard = "aspire-dashboard";

    public static void Add(IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return;
        }

        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((e, ct) =>
        {
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = ReportWhenHealthyAsync(e.Services, e.Model, stopping);
            return Task.CompletedTask;
        });
    }

    private static async Task ReportWhenHealthyAsync(IServiceProvider services, DistributedApplicationModel model, CancellationToken stopping)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("AgentGateway.AppHost");
        // What runs on its own: not the dashboard, not resources started only on request (such as the
        // "-rebuilder" helper Aspire adds to every project), not parameters or connection strings.
        var resources = model.Resources
            .Where(static r => r is ProjectResource or ExecutableResource or ContainerResource && r.Name != Dashboard)
            .Where(static r => !r.HasAnnotationOfType<ExplicitStartupAnnotation>())
            .ToList();
        try
        {
            await Task.WhenAll(resources.Select(r => notifications.WaitForResourceHealthyAsync(r.Name, stopping)));
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (DistributedApplicationException ex)
        {
            LogNotHealthy(logger, ex.Message);
            return;
        }

        var elapsed = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var gateway = resources.OfType<ProjectResource>().FirstOrDefault(static r => r.Name == "gateway");
        var url = gateway?.GetEndpoint("http") is { IsAllocated: true } endpoint ? endpoint.Url : "-";
        LogReady(logger, resources.Count, elapsed.TotalSeconds, url);
    }

    [LoggerMessage(1, LogLevel.Information, "All {Count} resources are healthy, {Seconds:0.0} s after start. Gateway: {Url}")]
    private static partial void LogReady(ILogger logger, int count, double seconds, string url);

    [LoggerMessage(2, LogLevel.Warning, "Not every resource became healthy: {Reason}")]
    private static partial void LogNotHealthy(ILogger logger, string reason);
}
