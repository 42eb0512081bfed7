namespace AgentGateway.AppHost.Hosting;

/// <summary>
/// Runtime state of one resource: current state, process, exit code, and a task that completes when
/// it is healthy (or faults when it can no longer become healthy), which is what WaitFor awaits.
/// </summary>
internal sealed class ResourceTracker(Resource resource, Action<ResourceTracker, ResourceState> onChanged)
{
    private readonly TaskCompletionSource _healthy = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();

    public Resource Resource { get; } = resource;
    public ResourceState State { get; private set; }
    public int? ProcessId { get; private set; }
    public int? ExitCode { get; private set; }
    public int Restarts { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public string? Message { get; private set; }
    public RunningProcess? Process { get; set; }

    /// <summary>Completes after the exit of <see cref="Process"/> has been recorded.</summary>
    public Task ExitHandled { get; set; } = Task.CompletedTask;
    public Task Healthy => _healthy.Task;

    public void SetState(ResourceState state, string? message = null)
    {
        lock (_lock)
        {
            State = state;
            Message = message ?? Message;
        }

        switch (state)
        {
            case ResourceState.Healthy:
                _healthy.TrySetResult();
                break;
            case ResourceState.FailedToStart or ResourceState.Exited or ResourceState.Stopped
                or ResourceState.Skipped or ResourceState.Unhealthy:
                _healthy.TrySetException(new ResourceFailedException(Resource.Name, state, message ?? Message));
                break;
        }

        onChanged(this, state);
    }

    public void MarkStarted(int pid)
    {
        lock (_lock)
        {
            ProcessId = pid;
            StartedAt = DateTimeOffset.UtcNow;
        }
    }

    public void MarkExited(int exitCode)
    {
        lock (_lock)
        {
            ExitCode = exitCode;
        }
    }

    public ResourceSnapshot Snapshot()
    {
        lock (_lock)
        {
            var urls = Resource.Endpoints
                .Where(e => e.Url is not null)
                .Select(e => new ResourceUrl(e.Name, e.Url!.ToString().TrimEnd('/'), e.IsExternal))
                .ToList();
            return new ResourceSnapshot(Resource.Name, Resource.Kind, State, ProcessId, ExitCode, Restarts,
                StartedAt, urls, Message);
        }
    }
}
