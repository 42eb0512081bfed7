namespace AgentGateway.AppHost.Hosting;

/// <summary>A resource reached a state from which it cannot become healthy.</summary>
public sealed class ResourceFailedException : Exception
{
    public ResourceFailedException() { }

    public ResourceFailedException(string message) : base(message) { }

    public ResourceFailedException(string message, Exception inner) : base(message, inner) { }

    public ResourceFailedException(string resource, ResourceState state, string? detail)
        : base($"Resource '{resource}' is {state}" + (detail is null ? "." : $": {detail}"))
    {
        Resource = resource;
        State = state;
    }

    public string? Resource { get; }
    public ResourceState State { get; }
}
