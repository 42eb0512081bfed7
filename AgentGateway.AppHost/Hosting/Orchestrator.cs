namespace AgentGateway.AppHost.Hosting;

/// <summary>
/// Starts the resource graph: ports, builds, then each resource once everything it waits for is
/// healthy; watches exits; stops every process tree. Holds no UI: output goes through the reporter.
/// </summary>
internal sealed class Orchestrator : IAsyncDisposable
{
    private readonly DistributedApplicationOptions _options;
    private readonly string _appHostDirectory;
    private readonly Dictionary<string, ResourceTracker> _trackers;
    private readonly ConsoleReporter _reporter;
    private readonly ResourceLogStore _logs;
    private readonly PortAllocator _ports;
    private readonly HttpClient _probeClient = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _startTasks = [];
    private readonly string _instanceId = Guid.NewGuid().ToString("N")[..8];

    public Orchestrator(DistributedApplicationOptions options, string appHostDirectory, IReadOnlyList<Resource> resources,
        ResourceLogStore logs, PortAllocator ports, Action<ResourceTracker, ResourceState> onChanged)
    {
        _options = options;
        _appHostDirectory = appHostDirectory;
        _logs = logs;
        _ports = ports;
        _trackers = resources.ToDictionary(r => r.Name, r => new ResourceTracker(r, onChanged), StringComparer.OrdinalIgnoreCase);
        _reporter = new ConsoleReporter(options.Output, Math.Max(8, resources.Select(r => r.Name.Length).DefaultIfEmpty(0).Max()));
    }

    public IReadOnlyCollection<ResourceTracker> Trackers => _trackers.Values;
    public ConsoleReporter Reporter => _reporter;

    public ResourceTracker Get(string name) =>
        _trackers.TryGetValue(name, out var t) ? t : throw new KeyNotFoundException($"No resource named '{name}'.");

    public void AllocatePorts()
    {
        foreach (var endpoint in _trackers.Values.Where(t => t.Resource.IsAvailable).SelectMany(t => t.Resource.Endpoints))
        {
            if (endpoint.Port is int fixedPort)
            {
                _ports.Reserve(fixedPort);
                endpoint.AllocatedPort = fixedPort;
            }
            else
            {
                endpoint.AllocatedPort = _ports.Allocate();
            }
        }
    }

    public async Task BuildProjectsAsync(CancellationToken ct)
    {
        foreach (var tracker in _trackers.Values)
        {
            if (!tracker.Resource.IsAvailable)
            {
                tracker.SetState(ResourceState.Skipped, "not available on this machine");
                continue;
            }

            if (tracker.Resource is not ProjectResource project)
            {
                continue;
            }

            tracker.SetState(ResourceState.Building);
            _reporter.Info($"building {Path.GetFileName(project.ProjectPath)}");
            try
            {
                project.TargetPath = await ProjectBuilder.BuildAsync(project.ProjectPath, _options.Configuration, ct);
                tracker.SetState(ResourceState.NotStarted);
            }
            catch (InvalidOperationException ex)
            {
                tracker.SetState(ResourceState.FailedToStart, "build failed");
                _reporter.Line(project.Name, ex.Message);
                throw;
            }
        }
    }

    /// <summary>Kicks off every resource; each waits for its dependencies on its own.</summary>
    public void StartAll(Uri? otlpEndpoint)
    {
        foreach (var tracker in _trackers.Values.Where(t => t.Resource.IsAvailable))
        {
            _startTasks.Add(StartOneAsync(tracker, otlpEndpoint, _stopping.Token));
        }
    }

    /// <summary>Completes when every started resource is healthy or has failed.</summary>
    public Task WhenAllSettledAsync() =>
        Task.WhenAll(_trackers.Values.Select(t => t.Healthy.ContinueWith(static _ => { }, TaskScheduler.Default)));

    private async Task StartOneAsync(ResourceTracker tracker, Uri? otlpEndpoint, CancellationToken ct)
    {
        var resource = tracker.Resource;
        try
        {
            if (resource.WaitsFor.Count > 0)
            {
                tracker.SetState(ResourceState.Waiting, "waiting for " + string.Join(", ", resource.WaitsFor.Select(r => r.Name)));
                foreach (var dependency in resource.WaitsFor)
                {
                    try
                    {
                        await Get(dependency.Name).Healthy.WaitAsync(ct);
                    }
                    catch (ResourceFailedException)
                    {
                        tracker.SetState(ResourceState.FailedToStart, $"dependency '{dependency.Name}' did not become healthy");
                        return;
                    }
                }
            }

            Launch(tracker, otlpEndpoint);
            var healthy = new HealthWaiter(_probeClient, _options.HealthTimeout);
            if (await healthy.WaitAsync(resource, tracker.Process!.Exited, ct))
            {
                tracker.SetState(ResourceState.Healthy);
            }
            else if (!tracker.Process.Exited.IsCompleted)
            {
                tracker.SetState(ResourceState.Unhealthy, $"not healthy after {_options.HealthTimeout.TotalSeconds:0}s");
                _reporter.Line(resource.Name, $"not healthy after {_options.HealthTimeout.TotalSeconds:0}s");
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping while starting; StopAsync records the final state.
        }
        catch (ResourceFailedException)
        {
            // Already recorded on the tracker and reported by Launch.
        }
    }

    private void Launch(ResourceTracker tracker, Uri? otlpEndpoint)
    {
        var resource = tracker.Resource;
        tracker.SetState(ResourceState.Starting);
        var env = EnvironmentBuilder.Build(resource, otlpEndpoint, $"{resource.Name}-{_instanceId}");
        RunningProcess process;
        try
        {
            process = RunningProcess.Start(resource.CreateLaunchSpec(_appHostDirectory), env, (text, isError) =>
            {
                _logs.Add(resource.Name, text, isError);
                _reporter.Line(resource.Name, text);
            });
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            tracker.SetState(ResourceState.FailedToStart, ex.Message);
            _reporter.Line(resource.Name, $"failed to start: {ex.Message}");
            throw new ResourceFailedException(resource.Name, ResourceState.FailedToStart, ex.Message);
        }

        ChildProcessRegistry.Add(process);
        tracker.Process = process;
        tracker.MarkStarted(process.Id);
        tracker.SetState(ResourceState.Running);
        tracker.ExitHandled = process.Exited.ContinueWith(t => OnExited(tracker, process, t.Result), TaskScheduler.Default);
    }

    private void OnExited(ResourceTracker tracker, RunningProcess process, int exitCode)
    {
        ChildProcessRegistry.Remove(process);
        tracker.MarkExited(exitCode);
        if (_stopping.IsCancellationRequested)
        {
            tracker.SetState(ResourceState.Stopped);
            return;
        }

        tracker.SetState(ResourceState.Exited, $"exited with code {exitCode}");
        _reporter.Info($"'{tracker.Resource.Name}' exited with code {exitCode}");
    }

    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        var kills = new List<Task>();
        foreach (var tracker in _trackers.Values)
        {
            if (tracker.Process is { } process && !process.Exited.IsCompleted)
            {
                tracker.SetState(ResourceState.Stopping);
                kills.Add(KillAsync(tracker, process));
            }
            else if (tracker.State is ResourceState.NotStarted or ResourceState.Waiting or ResourceState.Building)
            {
                tracker.SetState(ResourceState.Stopped);
            }
        }

        await Task.WhenAll(kills);
        await Task.WhenAll(_startTasks.Select(t => t.ContinueWith(static _ => { }, TaskScheduler.Default)));
    }

    private static async Task KillAsync(ResourceTracker tracker, RunningProcess process)
    {
        await process.KillTreeAsync(TimeSpan.FromSeconds(10));
        // Let the exit handler record "Stopped" before StopAsync returns.
        await Task.WhenAny(tracker.ExitHandled, Task.Delay(TimeSpan.FromSeconds(5)));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var tracker in _trackers.Values)
        {
            tracker.Process?.Dispose();
        }

        _probeClient.Dispose();
        _stopping.Dispose();
    }
}
