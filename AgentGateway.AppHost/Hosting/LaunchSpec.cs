namespace AgentGateway.AppHost.Hosting;

/// <summary>What to run for a resource: the file, its arguments, its directory and optional stdin text.</summary>
internal sealed record LaunchSpec(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    /// <summary>Written to the child's stdin then closed; keeps secrets (redis password) off the command line.</summary>
    public string? StandardInput { get; init; }
}
