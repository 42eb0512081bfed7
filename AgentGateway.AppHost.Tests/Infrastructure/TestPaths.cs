using System.Reflection;

namespace AgentGateway.AppHost.Tests.Infrastructure;

/// <summary>Paths of the source tree the tests use in place (node_modules is not copied to the output), from the build.</summary>
internal static class TestPaths
{
    private static string Metadata(string key) => typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;

    /// <summary>The npm folder with playwright-core (<c>AgentGateway.AppHost.Tests/js</c>).</summary>
    public static string Js => Path.Combine(Metadata("TestProjectDirectory"), "js");

    /// <summary>AgentGateway.AppHost.csproj, for <c>dotnet run --project</c>.</summary>
    public static string AppHostProject => Metadata("AppHostProject");

    /// <summary>The configuration these tests (and so the AppHost) were built in.</summary>
    public static string Configuration => Metadata("Configuration");
}
