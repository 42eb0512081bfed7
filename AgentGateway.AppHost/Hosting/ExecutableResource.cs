namespace AgentGateway.AppHost.Hosting;

/// <summary>Any program on PATH (or by path), e.g. a node server or a script.</summary>
public sealed class ExecutableResource(string name, string command, string workingDirectory) : Resource(name)
{
    public override string Kind => "executable";
    public string Command { get; } = command;
    public string WorkingDirectory { get; } = workingDirectory;

    internal override LaunchSpec CreateLaunchSpec(string appHostDirectory) =>
        new(Command, Args, Path.GetFullPath(WorkingDirectory, appHostDirectory));
}
