namespace AgentGateway.AppHost.Hosting;

/// <summary>
/// Every child still running in this process, so that an AppHost (or test host) that exits without
/// a clean stop — unhandled exception, Environment.Exit, SIGTERM — still kills their trees on the way out.
/// </summary>
internal static class ChildProcessRegistry
{
    private static readonly HashSet<RunningProcess> s_live = [];
    private static readonly Lock s_lock = new();
    private static bool s_hooked;

    public static void Add(RunningProcess process)
    {
        lock (s_lock)
        {
            if (!s_hooked)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
                s_hooked = true;
            }

            s_live.Add(process);
        }
    }

    public static void Remove(RunningProcess process)
    {
        lock (s_lock)
        {
            s_live.Remove(process);
        }
    }

    public static void KillAll()
    {
        RunningProcess[] all;
        lock (s_lock)
        {
            all = [.. s_live];
        }

        foreach (var process in all)
        {
            process.KillTree();
        }
    }
}
