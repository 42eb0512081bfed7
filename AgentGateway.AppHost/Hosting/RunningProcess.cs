using System.Diagnostics;

namespace AgentGateway.AppHost.Hosting;

/// <summary>
/// A started child process: its output is forwarded line by line, <see cref="Exited"/> completes
/// with the exit code, and <see cref="KillTree"/> ends it and every descendant (no orphans).
/// </summary>
internal sealed class RunningProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunningProcess(Process process) => _process = process;

    public int Id { get; private set; }
    public Task<int> Exited => _exited.Task;

    /// <summary>Starts the process; <paramref name="onLine"/> gets (text, isStdErr) for every output line.</summary>
    public static RunningProcess Start(LaunchSpec spec, IReadOnlyDictionary<string, string?> environment,
        Action<string, bool> onLine)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in spec.Arguments)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data, false); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data, true); };
        var running = new RunningProcess(process);
        process.Exited += (_, _) => running.OnExited();
        try
        {
            if (!process.Start())
            {
                throw new InvalidOperationException($"Could not start '{spec.FileName}'.");
            }
        }
        catch
        {
            process.Dispose();
            throw;
        }

        running.Id = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            if (spec.StandardInput is not null)
            {
                process.StandardInput.Write(spec.StandardInput);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited before reading stdin; its exit is reported like any other.
        }

        if (process.HasExited)
        {
            running.OnExited();
        }

        return running;
    }

    private void OnExited()
    {
        // WaitForExit() with no timeout also drains the redirected output, so the last lines are kept.
        try
        {
            _process.WaitForExit();
            _exited.TrySetResult(_process.ExitCode);
        }
        catch (InvalidOperationException)
        {
            _exited.TrySetResult(-1);
        }
    }

    /// <summary>Kills the process and all its descendants; returns once the direct child is gone.</summary>
    public async Task KillTreeAsync(TimeSpan timeout)
    {
        KillTree();
        await Task.WhenAny(Exited, Task.Delay(timeout));
    }

    public void KillTree()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone between the check and the kill.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting while we enumerate its tree; the exit handler records it.
        }
    }

    public void Dispose() => _process.Dispose();
}
