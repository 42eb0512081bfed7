namespace AgentGateway.AppHost.Hosting;

/// <summary>A .NET project: built once with <c>dotnet build</c>, then run as <c>dotnet &lt;dll&gt;</c> from its folder.</summary>
public sealed class ProjectResource(string name, string projectPath) : Resource(name)
{
    public override string Kind => "project";

    /// <summary>Absolute path of the .csproj.</summary>
    public string ProjectPath { get; } = projectPath;

    /// <summary>The built assembly, set by the orchestrator's build step.</summary>
    public string? TargetPath { get; internal set; }

    internal override LaunchSpec CreateLaunchSpec(string appHostDirectory)
    {
        var dll = TargetPath ?? throw new InvalidOperationException($"Project '{Name}' has not been built.");
        return new LaunchSpec("dotnet", [dll, .. Args], Path.GetDirectoryName(ProjectPath)!);
    }
}
