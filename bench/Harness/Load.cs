using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentGateway.Bench;

/// <summary>Load generators: wrk for closed-loop throughput, an open-loop .NET client for latency at a fixed rate.</summary>
internal static partial class Load
{
    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RpsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    // Longest warm-up, whatever the JIT does: a server that never settles is measured anyway.
    private const int MaxWarmupSeconds = 60;

    /// <summary>
    /// Warm-up: <paramref name="load"/> for at least <paramref name="minSeconds"/>, then in 2-s runs until the servers'
    /// tiered JIT has settled (its threads used under 1 % of a core in the last run). Under load on 2 cores the
    /// gateway's MCP path kept its tiered-compilation thread busy for ~20 s (30 % of the process's CPU between 5 and
    /// 10 s in a perf profile), far past a fixed 3–5 s warm-up, and bare YARP, a much smaller program, settles
    /// sooner: a fixed warm-up measured the gateway partly in tier-0 code.
    /// </summary>
    public static async Task WarmUpAsync(Func<int, Task> load, int minSeconds)
    {
        await load(Math.Max(1, minSeconds));
        var spent = minSeconds;
        while (spent < MaxWarmupSeconds)
        {
            var before = Proc.JitCpuSeconds();
            await load(2);
            spent += 2;
            if (Proc.JitCpuSeconds() - before < 0.02)
            {
                break;
            }
        }

        Console.WriteLine($"  (warm-up {spent} s, until the JIT settled)");
    }

    /// <summary>Requests per second at <paramref name="connections"/> connections (wrk, 2 threads).</summary>
    public static async Task<double> WrkRpsAsync(string url, string luaScript, int connections, int seconds)
    {
        var output = await Proc.RunAsync("wrk", "-t2", $"-c{connections}", $"-d{seconds}s", "-s", luaScript, url);
        var m = RpsLine().Match(output);
        if (!m.Success)
        {
            throw new InvalidOperationException($"wrk failed against {url}:\n{output}");
        }

        if (Non2xx().Match(output) is { Success: true } bad && int.Parse(bad.Groups[1].Value, CultureInfo.InvariantCulture) > 0)
        {
            throw new InvalidOperationException($"{url} answered errors under load:\n{output}");
        }

        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Latency percentiles (ms) at a fixed request rate. Latency is measured from each request's scheduled
    /// start, so a stalled server is charged for the requests it delayed (no coordinated omission).
    /// </summary>
    public static async Task<(double P50, double P99, int Errors)> FixedRateAsync(Func<HttpClient, Task<bool>> send, int rate, int seconds)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var total = rate * seconds;
        var latencies = new double[total];
        var errors = 0;
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var interval = 1000.0 / rate;
        for (var i = 0; i < total; i++)
        {
            var scheduled = i * interval;
            var wait = scheduled - clock.Elapsed.TotalMilliseconds;
            if (wait > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            }

            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                bool ok;
                try
                {
                    ok = await send(client);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    ok = false; // refused, reset or timed out (30 s): an error, charged with its full latency
                }

                latencies[index] = clock.Elapsed.TotalMilliseconds - scheduled;
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }));
        }

        await Task.WhenAll(tasks);
        Array.Sort(latencies);
        return (latencies[(int)(total * 0.50)], latencies[Math.Min(total - 1, (int)(total * 0.99))], errors);
    }

    /// <summary>Operations per second with <paramref name="concurrency"/> workers each running <paramref name="op"/> back to back.</summary>
    public static async Task<double> ClosedLoopAsync(Func<HttpClient, Task<bool>> op, int concurrency, int seconds)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        var done = 0;
        var failed = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                if (await op(client))
                {
                    Interlocked.Increment(ref done);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} operations failed under load");
        }

        return done / clock.Elapsed.TotalSeconds;
    }
}
