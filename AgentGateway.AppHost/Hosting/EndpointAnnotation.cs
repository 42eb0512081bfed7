namespace AgentGateway.AppHost.Hosting;

/// <summary>
/// A network endpoint of a resource (scheme "http", or "tcp" for Redis). The port is fixed (<see cref="Port"/>) or allocated when the app
/// starts; it reaches the process through ASPNETCORE_URLS/PORT (the primary "http" endpoint),
/// a custom port variable (<see cref="PortEnvironmentVariable"/>) or a URL variable (<see cref="UrlEnvironmentVariable"/>).
/// </summary>
public sealed class EndpointAnnotation
{
    internal EndpointAnnotation(string name, string scheme)
    {
        Name = name;
        Scheme = scheme;
    }

    public string Name { get; }
    public string Scheme { get; }
    public int? Port { get; internal set; }
    public string? PortEnvironmentVariable { get; internal set; }
    public string? UrlEnvironmentVariable { get; internal set; }
    public bool IsExternal { get; internal set; }

    /// <summary>The port in use once the app has started (the fixed one or a free one).</summary>
    public int? AllocatedPort { get; internal set; }

    public Uri? Url => AllocatedPort is int port ? new Uri($"{Scheme}://127.0.0.1:{port}") : null;
}
