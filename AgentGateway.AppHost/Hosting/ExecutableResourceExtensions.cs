namespace AgentGateway.AppHost.Hosting;

public static class ExecutableResourceExtensions
{
    /// <summary>Any program; give it an endpoint with <c>WithHttpEndpoint(env: "PORT")</c> if it serves HTTP.</summary>
    public static IResourceBuilder<ExecutableResource> AddExecutable(this IDistributedApplicationBuilder builder,
        string name, string command, string workingDirectory, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(command);
        var resource = builder.AddResource(new ExecutableResource(name, command, workingDirectory ?? "."));
        resource.Resource.AddArgs(args);
        return resource;
    }
}
