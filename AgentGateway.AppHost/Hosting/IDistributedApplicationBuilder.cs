namespace AgentGateway.AppHost.Hosting;

/// <summary>Describes the resource graph; shaped like Aspire's builder so Program.cs reads the same.</summary>
public interface IDistributedApplicationBuilder
{
    DistributedApplicationOptions Options { get; }

    /// <summary>Folder that relative project/working-directory paths are resolved against.</summary>
    string AppHostDirectory { get; }

    IReadOnlyList<Resource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource) where T : Resource;

    DistributedApplication Build();
}
