namespace AgentGateway.AppHost.Hosting;

/// <summary>
/// One thing the AppHost runs (a project, an executable, Redis). Mutable only while the graph is
/// being described; the orchestrator reads it once <see cref="DistributedApplication"/> starts.
/// </summary>
public abstract class Resource
{
    private readonly List<string> _args = [];
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private readonly List<EndpointAnnotation> _endpoints = [];
    private readonly List<Resource> _references = [];
    private readonly List<Resource> _waitFor = [];

    protected Resource(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>Short word for the table and the dashboard: project, executable, redis.</summary>
    public abstract string Kind { get; }

    /// <summary>Path of an HTTP health endpoint; null means "healthy once started" (or a kind-specific probe).</summary>
    public string? HealthCheckPath { get; internal set; }

    /// <summary>False when the resource cannot run here (e.g. redis-server missing); it is then left out.</summary>
    public bool IsAvailable { get; internal set; } = true;

    public IReadOnlyList<string> Args => _args;
    public IReadOnlyDictionary<string, string> Environment => _environment;
    public IReadOnlyList<EndpointAnnotation> Endpoints => _endpoints;
    public IReadOnlyList<Resource> References => _references;
    public IReadOnlyList<Resource> WaitsFor => _waitFor;

    internal void AddArgs(IEnumerable<string> args) => _args.AddRange(args);
    internal void SetEnvironment(string key, string value) => _environment[key] = value;
    internal void AddReference(Resource other) { if (!_references.Contains(other)) _references.Add(other); }
    internal void AddWaitFor(Resource other) { if (!_waitFor.Contains(other)) _waitFor.Add(other); }

    internal EndpointAnnotation GetOrAddEndpoint(string name, string scheme = "http")
    {
        var existing = _endpoints.Find(e => e.Name == name);
        if (existing is not null)
        {
            return existing;
        }

        var created = new EndpointAnnotation(name, scheme);
        _endpoints.Add(created);
        return created;
    }

    public EndpointAnnotation? GetEndpoint(string name = "http") => _endpoints.Find(e => e.Name == name);

    /// <summary>The command line to launch, resolved when the orchestrator starts the resource.</summary>
    internal abstract LaunchSpec CreateLaunchSpec(string appHostDirectory);
}
