namespace AgentGateway.Tests.A2A;

/// <summary>Locates the repository (the folder with AgentGateway.sln) and the A2A test tooling in it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string JsFolder => Path.Combine(Root, "AgentGateway.Tests", "A2A", "js");

    /// <summary>The built sample agent's dll, in the same configuration as the tests (they are built together).</summary>
    public static string SampleDll(string project)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(Root, "samples", project, "bin", configuration, "net10.0", project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"sample {project} is not built (expected {dll})");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentGateway.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("AgentGateway.sln not found above " + AppContext.BaseDirectory);
    }
}
