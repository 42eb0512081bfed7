namespace AgentGateway.AppHost.Hosting;

public static class ProjectResourceExtensions
{
    /// <summary>A .NET project (path relative to the AppHost folder) with a primary HTTP endpoint on a free port.</summary>
    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name,
        string projectPath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(projectPath);
        var fullPath = Path.GetFullPath(projectPath, builder.AppHostDirectory);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Project file for resource '{name}' not found.", fullPath);
        }

        var resource = builder.AddResource(new ProjectResource(name, fullPath));
        resource.WithHttpEndpoint();
        return resource;
    }

    /// <summary>
    /// Like <see cref="AddProject"/> but for samples that may not exist yet: returns null (and says so
    /// on the output) when the .csproj is missing, so Program.cs can list every sample unconditionally.
    /// </summary>
    public static IResourceBuilder<ProjectResource>? AddProjectIfExists(this IDistributedApplicationBuilder builder,
        string name, string projectPath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var fullPath = Path.GetFullPath(projectPath, builder.AppHostDirectory);
        if (File.Exists(fullPath))
        {
            return builder.AddProject(name, fullPath);
        }

        builder.Options.Output?.WriteLine($"apphost: skipped '{name}': {fullPath} does not exist");
        return null;
    }
}
