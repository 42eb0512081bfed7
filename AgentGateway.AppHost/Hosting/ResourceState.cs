namespace AgentGateway.AppHost.Hosting;

/// <summary>Lifecycle of one resource, in the order it normally moves through.</summary>
public enum ResourceState
{
    NotStarted,
    Building,
    Waiting,
    Starting,
    Running,
    Healthy,
    Unhealthy,
    FailedToStart,
    Exited,
    Stopping,
    Stopped,
    /// <summary>Could not run here (e.g. redis-server missing) and was left out.</summary>
    Skipped,
}
