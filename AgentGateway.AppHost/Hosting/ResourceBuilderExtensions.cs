namespace AgentGateway.AppHost.Hosting;

/// <summary>The Aspire-shaped <c>WithX</c>/<c>WaitFor</c> calls that annotate a resource.</summary>
public static class ResourceBuilderExtensions
{
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        builder.Resource.SetEnvironment(name, value ?? string.Empty);
        return builder;
    }

    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params string[] args) where T : Resource
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.AddArgs(args);
        return builder;
    }

    /// <summary>
    /// Adds (or changes) an HTTP endpoint. <paramref name="port"/> null = a free port at start.
    /// <paramref name="env"/> receives the port number; <paramref name="urlEnv"/> receives the full URL
    /// (e.g. Gateway__admin__url for the gateway's admin listener).
    /// </summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null,
        string? env = null, string name = "http", string? urlEnv = null) where T : Resource
    {
        ArgumentNullException.ThrowIfNull(builder);
        var endpoint = builder.Resource.GetOrAddEndpoint(name);
        endpoint.Port = port ?? endpoint.Port;
        endpoint.PortEnvironmentVariable = env ?? endpoint.PortEnvironmentVariable;
        endpoint.UrlEnvironmentVariable = urlEnv ?? endpoint.UrlEnvironmentVariable;
        return builder;
    }

    /// <summary>Marks every HTTP endpoint as one a person opens (shown first in the table).</summary>
    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder) where T : Resource
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var endpoint in builder.Resource.Endpoints.Where(e => e.Scheme == "http"))
        {
            endpoint.IsExternal = true;
        }

        return builder;
    }

    /// <summary>Healthy = GET <paramref name="path"/> on the primary endpoint answers 2xx. Adds that endpoint if missing.</summary>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/health")
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        builder.Resource.GetOrAddEndpoint("http");
        builder.Resource.HealthCheckPath = path.StartsWith('/') ? path : "/" + path;
        return builder;
    }

    /// <summary>Starts this resource only after <paramref name="dependency"/> is healthy. No-op for an unavailable one.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<Resource> dependency)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dependency);
        if (dependency.Resource.IsAvailable)
        {
            builder.Resource.AddWaitFor(dependency.Resource);
        }

        return builder;
    }

    /// <summary>
    /// Injects how to reach <paramref name="source"/>: <c>services__NAME__ENDPOINT__0</c> for HTTP
    /// endpoints and <c>ConnectionStrings__NAME</c> for Redis. Left out when the source cannot run here.
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<Resource> source)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        if (source.Resource.IsAvailable)
        {
            builder.Resource.AddReference(source.Resource);
        }

        return builder;
    }
}
