namespace AgentGateway.AppHost.Hosting;

public static class RedisResourceExtensions
{
    /// <summary>
    /// Redis from the redis-server binary on PATH. Without it the resource is marked unavailable:
    /// one line says so, and WithReference/WaitFor on it become no-ops so the gateway falls back to
    /// its in-memory store. <paramref name="serverPath"/> overrides the PATH lookup.
    /// </summary>
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name,
        string? serverPath = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var path = ExecutableLocator.Find(serverPath ?? "redis-server");
        var resource = builder.AddResource(new RedisResource(name, path));
        resource.Resource.GetOrAddEndpoint("tcp", "tcp");
        if (path is null)
        {
            builder.Options.Output?.WriteLine(
                $"apphost: redis-server not found on PATH; '{name}' is left out and services use in-memory stores");
        }

        return resource;
    }
}
