using System.Globalization;

namespace AgentGateway.AppHost.Tests.Infrastructure;

/// <summary>Processes as Linux sees them (/proc): a process's descendants, liveness, command lines.</summary>
internal static class ProcessTree
{
    /// <summary>Every process below <paramref name="root"/> (the children files of every thread).</summary>
    public static List<int> Descendants(int root)
    {
        var result = new List<int>();
        var queue = new Queue<int>([root]);
        while (queue.Count > 0)
        {
            var taskDir = $"/proc/{queue.Dequeue()}/task";
            if (!Directory.Exists(taskDir))
            {
                continue;
            }

            foreach (var children in Directory.GetDirectories(taskDir).Select(static t => Path.Combine(t, "children")).Where(File.Exists))
            {
                foreach (var child in ReadOrEmpty(children).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(static c => int.Parse(c, CultureInfo.InvariantCulture)))
                {
                    result.Add(child);
                    queue.Enqueue(child);
                }
            }
        }

        return result;
    }

    /// <summary>Processes whose command line contains <paramref name="text"/>.</summary>
    public static IEnumerable<int> WithCommandLine(string text) =>
        Directory.GetDirectories("/proc")
            .Select(static d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && CommandLine(pid).Contains(text, StringComparison.Ordinal));

    public static string CommandLine(int pid) => ReadOrEmpty($"/proc/{pid}/cmdline").Replace('\0', ' ');

    /// <summary>Alive and not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int pid)
    {
        var stat = ReadOrEmpty($"/proc/{pid}/stat");
        return stat.Length > 0 && stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z') is false;
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ""; // the process went away while we looked
        }
    }
}
