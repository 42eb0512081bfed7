using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace AgentGateway.Bench;

/// <summary>A child process of the benchmark (server under test or load generator), killed with its tree on dispose.</summary>
internal sealed class Proc : IDisposable
{
    // Every server started and not yet disposed: the warm-up watches their JIT (see JitCpuSeconds).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Proc, byte> Live = new();

    private readonly Process _process;

    private Proc(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public static Proc Start(string name, string file, IEnumerable<string> args, IDictionary<string, string>? env = null, string? workDir = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        // Drain output so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && Environment.GetEnvironmentVariable("BENCH_VERBOSE") is not null)
            {
                Console.Error.WriteLine($"[{name}] {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = new Proc(process, name);
        Live[started] = 0;
        return started;
    }

    /// <summary>
    /// CPU seconds used so far by the .NET runtime's tiered-compilation threads of every live server (.NET or not:
    /// others have none). While it grows, some server is still compiling hot methods at a higher tier, so what a
    /// load run measures is partly the JIT.
    /// </summary>
    public static double JitCpuSeconds()
    {
        double ticks = 0;
        foreach (var proc in Live.Keys)
        {
            try
            {
                foreach (var task in Directory.EnumerateDirectories($"/proc/{proc.Pid}/task"))
                {
                    if (File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal))
                    {
                        // Fields 14 and 15 of stat (utime, stime), counted after the ")" that ends the thread name.
                        var fields = File.ReadAllText(Path.Combine(task, "stat")).Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (IOException)
            {
                // The process or the thread ended while being read: it compiles nothing any more.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return ticks / 100.0; // USER_HZ
    }

    public async Task WaitForPortAsync(int port, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before listening on {port}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{Name} did not listen on {port}");
    }

    /// <summary>Resident set size in MB (VmRSS from /proc).</summary>
    public double RssMb()
    {
        var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kb / 1024.0;
    }

    public void Dispose()
    {
        Live.TryRemove(this, out _);
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    public static int FreePort()
    {
        using var l = new TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public static Task<string> RunAsync(string file, params string[] args) => RunInAsync(Environment.CurrentDirectory, file, args);

    /// <summary>Runs a process to completion in <paramref name="workDir"/> and returns its stdout and stderr.</summary>
    public static async Task<string> RunInAsync(string workDir, string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workDir };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return await stdout + await stderr;
    }
}
