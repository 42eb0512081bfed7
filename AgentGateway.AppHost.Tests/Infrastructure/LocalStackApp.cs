using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGateway.AppHost.Tests.Infrastructure;

/// <summary>
/// The AppHost's own graph (Program.cs, as <c>dotnet run</c> builds it) started through Aspire.Hosting.Testing;
/// every resource's console output is read back from Aspire's resource log service.
/// </summary>
public sealed class LocalStackApp : IAsyncDisposable
{
    /// <summary>The telemetry API key the tests give the dashboard (AppHost:DashboardApiKey).</summary>
    public const string DashboardApiKey = "apphost-tests-telemetry-key";

    private static readonly TimeSpan s_startupTimeout = TimeSpan.FromMinutes(5);
    private readonly IReadOnlyList<IResource> _resources;

    private LocalStackApp(DistributedApplication app, IReadOnlyList<IResource> resources)
    {
        App = app;
        _resources = resources;
    }

    public DistributedApplication App { get; }

    /// <summary>Builds the AppHost's graph with <paramref name="args"/>, starts it and waits until every resource is healthy.</summary>
    public static async Task<LocalStackApp> StartAsync(string[] args, bool dashboard, CancellationToken ct)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AgentGateway_AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = dashboard }, args, ct);
        builder.Configuration["AppHost:DashboardApiKey"] = DashboardApiKey;
        var resources = Runnable(builder.Resources).ToList();
        var stack = new LocalStackApp(await builder.BuildAsync(ct), resources);
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(ct);
        startup.CancelAfter(s_startupTimeout);
        try
        {
            await stack.App.StartAsync(startup.Token);
            await Task.WhenAll(resources.Select(r => stack.App.ResourceNotifications.WaitForResourceHealthyAsync(r.Name, startup.Token)));
        }
        catch (Exception ex) when (ex is OperationCanceledException or DistributedApplicationException)
        {
            var logs = await stack.DescribeLogsAsync();
            await stack.DisposeAsync();
            throw new InvalidOperationException($"the stack did not become healthy: {ex.Message}\n{logs}", ex);
        }

        return stack;
    }

    /// <summary>What starts by itself: projects, executables and containers, not helpers started on request.</summary>
    public static IEnumerable<IResource> Runnable(IEnumerable<IResource> resources) => resources
        .Where(static r => r is ProjectResource or ExecutableResource or ContainerResource)
        .Where(static r => !r.HasAnnotationOfType<ExplicitStartupAnnotation>() && r.Name != "aspire-dashboard");

    public Uri Endpoint(string resource, string endpoint = "http") => App.GetEndpoint(resource, endpoint);

    /// <summary>Every console line the resource wrote so far.</summary>
    public async Task<string> ConsoleTextAsync(string resource) =>
        string.Join('\n', await LinesAsync(_resources.Single(r => r.Name == resource)));

    /// <summary>The last lines of every resource, for failure messages.</summary>
    public async Task<string> DescribeLogsAsync(int linesPerResource = 25)
    {
        var text = new StringBuilder();
        foreach (var resource in _resources.OrderBy(static r => r.Name, StringComparer.Ordinal))
        {
            text.AppendLine($"--- {resource.Name}");
            foreach (var line in (await LinesAsync(resource)).TakeLast(linesPerResource))
            {
                text.AppendLine(line);
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    private async Task<List<string>> LinesAsync(IResource resource)
    {
        var lines = new List<string>();
        await foreach (var batch in App.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(resource))
        {
            lines.AddRange(batch.Select(static l => l.Content));
        }

        return lines;
    }
}
