namespace AgentGateway.AppHost.Hosting;

/// <summary>
/// The running local stack (Aspire's <c>DistributedApplication</c>): start, watch, stop. Run() is
/// what an AppHost's Program.cs calls; tests use StartAsync/WaitForResourceHealthyAsync/DisposeAsync.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly DistributedApplicationOptions _options;
    private readonly Orchestrator _orchestrator;
    private readonly List<ResourceEvent> _events = [];
    private readonly Lock _eventsLock = new();
    private readonly PortAllocator _ports = new();
    private Dashboard.DashboardServer? _dashboard;
    private long _eventSequence;
    private int _started;

    internal DistributedApplication(DistributedApplicationOptions options, string appHostDirectory, IReadOnlyList<Resource> resources)
    {
        _options = options;
        AppHostDirectory = appHostDirectory;
        Resources = resources;
        _orchestrator = new Orchestrator(options, appHostDirectory, resources, Logs, _ports, OnStateChanged);
    }

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        new DistributedApplicationBuilder(new DistributedApplicationOptions { Args = args });

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) =>
        new DistributedApplicationBuilder(options);

    public string AppHostDirectory { get; }
    public IReadOnlyList<Resource> Resources { get; }
    public ResourceLogStore Logs { get; } = new();

    /// <summary>Dashboard (and OTLP receiver) address once started; null when the dashboard is off.</summary>
    public Uri? DashboardUrl => _dashboard?.Url;

    internal Dashboard.DashboardServer? Dashboard => _dashboard;

    /// <summary>Raised on every resource state change (on the thread that caused it).</summary>
    public event Action<ResourceEvent>? ResourceStateChanged;

    public IReadOnlyList<ResourceEvent> Events
    {
        get { lock (_eventsLock) { return [.. _events]; } }
    }

    public IReadOnlyList<ResourceSnapshot> GetResourceSnapshots() => [.. _orchestrator.Trackers.Select(t => t.Snapshot())];

    public ResourceSnapshot GetResourceSnapshot(string name) => _orchestrator.Get(name).Snapshot();

    /// <summary>Builds projects, then starts every resource (each after what it waits for is healthy).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("The application has already been started.");
        }

        Uri? otlp = _options.OtlpEndpoint;
        if (_options.EnableDashboard)
        {
            _dashboard = new Dashboard.DashboardServer(this, _ports.AllocatePreferred(_options.DashboardPort));
            await _dashboard.StartAsync(cancellationToken);
            otlp = _dashboard.Url;
        }

        _orchestrator.AllocatePorts();
        await _orchestrator.BuildProjectsAsync(cancellationToken);
        _orchestrator.StartAll(otlp);
    }

    /// <summary>Completes when the resource is healthy; throws <see cref="ResourceFailedException"/> if it cannot become so.</summary>
    public Task WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default) =>
        _orchestrator.Get(name).Healthy.WaitAsync(cancellationToken);

    /// <summary>Completes when every resource is healthy or has failed.</summary>
    public Task WaitForAllSettledAsync(CancellationToken cancellationToken = default) =>
        _orchestrator.WhenAllSettledAsync().WaitAsync(cancellationToken);

    /// <summary>URL of a resource's endpoint (http://127.0.0.1:PORT).</summary>
    public Uri GetEndpoint(string resourceName, string endpointName = "http") =>
        _orchestrator.Get(resourceName).Resource.GetEndpoint(endpointName)?.Url
        ?? throw new InvalidOperationException($"Resource '{resourceName}' has no allocated endpoint '{endpointName}'.");

    public string? GetConnectionString(string resourceName) =>
        (_orchestrator.Get(resourceName).Resource as RedisResource)?.ConnectionString;

    public Task StopAsync() => StopCoreAsync();

    /// <summary>Starts, prints the resource table, then runs until Ctrl+C / SIGTERM and stops everything.</summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var shutdown = new ShutdownSignal(cancellationToken);
        try
        {
            await StartAsync(shutdown.Token);
            await WaitForAllSettledAsync(shutdown.Token);
            _orchestrator.Reporter.Table(GetResourceSnapshots(), DashboardUrl);
            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
        {
            _orchestrator.Reporter.Info("stopping");
        }
        finally
        {
            await StopCoreAsync();
        }
    }

    private async Task StopCoreAsync()
    {
        await _orchestrator.StopAsync();
        if (_dashboard is not null)
        {
            await _dashboard.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopCoreAsync();
        await _orchestrator.DisposeAsync();
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
        }
    }

    private void OnStateChanged(ResourceTracker tracker, ResourceState state)
    {
        ResourceEvent e;
        lock (_eventsLock)
        {
            e = new ResourceEvent(++_eventSequence, tracker.Resource.Name, state, DateTimeOffset.UtcNow);
            _events.Add(e);
        }

        ResourceStateChanged?.Invoke(e);
    }
}
