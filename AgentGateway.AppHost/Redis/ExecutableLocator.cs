namespace AgentGateway.AppHost.Redis;

/// <summary>Finds a program the way a shell would: an existing path as given, otherwise the first match on PATH.</summary>
internal static class ExecutableLocator
{
    /// <param name="command">A program name or path.</param>
    /// <param name="path">The search path (the AppHost's configuration <c>PATH</c>, which is the environment's unless overridden).</param>
    public static string? Find(string command, string? path)
    {
        if (command.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(command) ? Path.GetFullPath(command) : null;
        }

        return (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);
    }
}
