namespace AgentGateway.Tests.Deployment;

/// <summary>Finds the repository checkout the tests run from, so they read the real deploy files.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) =>
        System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AgentGateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No AgentGateway.sln above {AppContext.BaseDirectory}; the deployment tests read the repository's files.");
    }
}
