using System.Reflection;

namespace AgentGateway.AppHost.Hosting;

internal sealed class DistributedApplicationBuilder(DistributedApplicationOptions options) : IDistributedApplicationBuilder
{
    private readonly List<Resource> _resources = [];

    public DistributedApplicationOptions Options { get; } = options;

    public string AppHostDirectory { get; } = options.AppHostDirectory ?? DefaultAppHostDirectory();

    public IReadOnlyList<Resource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : Resource
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (_resources.Exists(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' already exists.");
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    public DistributedApplication Build() => new(Options, AppHostDirectory, [.. _resources]);

    /// <summary>
    /// The AppHost's project folder, stamped into the assembly at build time (as Aspire does) so that
    /// "../samples/X/X.csproj" means the same thing under dotnet run, a published dll and a test host.
    /// </summary>
    internal static string DefaultAppHostDirectory()
    {
        var stamped = typeof(DistributedApplicationBuilder).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AppHostProjectDirectory")?.Value;
        return stamped is not null && Directory.Exists(stamped) ? stamped : Directory.GetCurrentDirectory();
    }
}
