using System.Diagnostics;
using System.Globalization;

namespace AgentGateway.AppHost.Hosting;

/// <summary>
/// Last line of defence against orphans when the AppHost is killed outright (SIGKILL, OOM), where no
/// .NET handler runs and .NET cannot set PR_SET_PDEATHSIG for its children. A small <c>sh</c> loop
/// watches the AppHost's pid; once it is gone it kills every process group listed in a pid file.
/// Children are started under <c>setsid</c>, so each child's group holds its whole tree.
/// </summary>
internal sealed class OrphanWatchdog : IDisposable
{
    // $1 = pid to watch, $2 = file with one process-group id per line. POSIX sh (dash): "kill -9 -PGID",
    // since dash's kill does not accept "--".
    private const string Script = """
        while kill -0 "$1" 2>/dev/null; do sleep 1; done
        for g in $(cat "$2" 2>/dev/null); do kill -9 "-$g" 2>/dev/null; done
        rm -f "$2"
        """;

    private readonly Process _process;
    private readonly string _pidFile;
    private readonly HashSet<int> _groups = [];
    private readonly Lock _lock = new();

    private OrphanWatchdog(Process process, string pidFile)
    {
        _process = process;
        _pidFile = pidFile;
    }

    /// <summary>True where children can be given their own process group (Linux with util-linux setsid).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && ExecutableLocator.Find("setsid") is not null
        && File.Exists("/bin/sh");

    public static OrphanWatchdog? TryStart(int watchedPid)
    {
        if (!IsSupported)
        {
            return null;
        }

        var pidFile = Path.Combine(Path.GetTempPath(), $"agentgateway-apphost-{watchedPid}-{Guid.NewGuid():N}.pids");
        File.WriteAllText(pidFile, string.Empty);
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = true };
        foreach (var arg in new[] { "-c", Script, "apphost-watchdog", watchedPid.ToString(CultureInfo.InvariantCulture), pidFile })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info);
        return process is null ? null : new OrphanWatchdog(process, pidFile);
    }

    public int ProcessId => _process.Id;

    public void Track(int processGroup) => Update(g => g.Add(processGroup));

    public void Untrack(int processGroup) => Update(g => g.Remove(processGroup));

    private void Update(Func<HashSet<int>, bool> change)
    {
        lock (_lock)
        {
            if (!change(_groups))
            {
                return;
            }

            // Write-then-rename so the watchdog never reads a half-written list.
            var temp = _pidFile + ".tmp";
            File.WriteAllLines(temp, _groups.Select(g => g.ToString(CultureInfo.InvariantCulture)));
            File.Move(temp, _pidFile, overwrite: true);
        }
    }

    public void Dispose()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        _process.Dispose();
        File.Delete(_pidFile);
    }
}
