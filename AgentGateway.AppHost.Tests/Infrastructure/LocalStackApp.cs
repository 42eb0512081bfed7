using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGateway.AppHost.Tests.Infrastructure;

/// <summary>
/// The AppHost's own graph (Program.cs, as <c>dotnet run</c> builds it) started through Aspire.Hosting.Testing,
/// with every resource's console output collected for assertions and failure messages.
/// </summary>
public sealed class LocalStackApp : IAsyncDisposable
{
    /// <summary>The telemetry API key the tests give the dashboard (AppHost:DashboardApiKey).</summary>
    public const string DashboardApiKey = "apphost-tests-telemetry-key";

    private static readonly TimeSpan s_startupTimeout = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _logs = new();
    private readonly CancellationTokenSource _stopWatching = new();

    private LocalStackApp(DistributedApplication app) => App = app;

    public DistributedApplication App { get; }

    /// <summary>Builds the AppHost's graph with <paramref name="args"/>, starts it and waits until every resource is healthy.</summary>
    public static async Task<LocalStackApp> StartAsync(string[] args, bool dashboard, CancellationToken ct)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AgentGateway_AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = dashboard }, args, ct);
        builder.Configuration["AppHost:DashboardApiKey"] = DashboardApiKey;
        var names = Runnable(builder.Resources).Select(static r => r.Name).ToList();
        var stack = new LocalStackApp(await builder.BuildAsync(ct));
        stack.WatchLogs(names);
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(ct);
        startup.CancelAfter(s_startupTimeout);
        try
        {
            await stack.App.StartAsync(startup.Token);
            await Task.WhenAll(names.Select(n => stack.App.ResourceNotifications.WaitForResourceHealthyAsync(n, startup.Token)));
        }
        catch (Exception ex) when (ex is OperationCanceledException or DistributedApplicationException)
        {
            var logs = stack.DescribeLogs();
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
    public string ConsoleText(string resource) =>
        _logs.TryGetValue(resource, out var lines) ? string.Join('\n', lines) : "";

    /// <summary>The last lines of every resource, for failure messages.</summary>
    public string DescribeLogs(int linesPerResource = 25)
    {
        var text = new StringBuilder();
        foreach (var (resource, lines) in _logs.OrderBy(static l => l.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"--- {resource}");
            foreach (var line in lines.TakeLast(linesPerResource))
            {
                text.AppendLine(line);
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopWatching.CancelAsync();
        await App.DisposeAsync();
        _stopWatching.Dispose();
    }

    private void WatchLogs(IEnumerable<string> resources)
    {
        var logger = App.Services.GetRequiredService<ResourceLoggerService>();
        foreach (var resource in resources)
        {
            var lines = _logs.GetOrAdd(resource, static _ => new ConcurrentQueue<string>());
            _ = Task.Run(async () =>
            {
                try
                {
                    await foreach (var batch in logger.WatchAsync(resource).WithCancellation(_stopWatching.Token))
                    {
                        foreach (var line in batch)
                        {
                            lines.Enqueue(line.Content);
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    // The test is over.
                }
            });
        }
    }
}
