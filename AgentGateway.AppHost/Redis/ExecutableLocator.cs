namespace AgentGateway.AppHost.Redis;

/// <summary>Finds a program the way a shell would: an existing path as given, otherwise the first match on PATH.</summary>
internal static class ExecutableLocator
{
    public static string? Find(string command)
    {
        if (command.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(command) ? Path.GetFullPath(command) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);
    }
}
