using System.Diagnostics;
using System.Globalization;

namespace AgentGateway.Bench;

/// <summary>
/// MCP under load, not just idle: 1,000 sessions open through the gateway at once, each calling a tool
/// (<c>get_forecast</c> on the weather server) back to back for <c>--seconds</c> after <c>--warmup</c> seconds of the
/// same load: calls/s, p50/p99 latency (per call, client side), errors, and the gateway's RSS idle, with the sessions
/// open, and at its peak under load. Run with <c>--only mcpload</c>.
/// </summary>
internal static class McpLoadBench
{
    private const int Sessions = 1000;

    public static async Task RunAsync(string root, string work, BenchOptions options, Report report)
    {
        var weatherPort = Proc.FreePort();
        using var weather = McpServers.StartWeather(root, weatherPort);
        await weather.WaitForPortAsync(weatherPort);
        var gatewayPort = Proc.FreePort();
        var config = Path.Combine(work, "gateway-mcpload.yaml");
        await File.WriteAllTextAsync(config, McpServers.GatewayConfig(root, $"http://127.0.0.1:{weatherPort}/mcp", withStdio: false));
        using var gateway = GatewayProcess.Start(root, config, gatewayPort);
        await gateway.WaitForPortAsync(gatewayPort);
        var url = $"http://127.0.0.1:{gatewayPort}/mcp";
        var call = await McpBench.ForecastCallAsync(url);

        GatewayProcess.Settle();
        var idle = gateway.RssMb();
        // One connection per session, as 1,000 separate clients would have.
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Sessions, UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var sessions = new string?[Sessions];
        await Parallel.ForAsync(0, Sessions, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) => sessions[i] = await McpRaw.InitializeAsync(client, url));
        var open = gateway.RssMb();

        await RunLoadAsync(client, url, sessions, call, options.Warmup, gateway); // warm-up, not reported
        var (latencies, errors, elapsed, peak) = await RunLoadAsync(client, url, sessions, call, options.Seconds, gateway);

        Array.Sort(latencies);
        var calls = latencies.Length;
        report.Table($"MCP under load: {Sessions} concurrent sessions through the gateway, each calling tools/call (get_forecast) back to back for {options.Seconds} s",
            ["sessions", "calls", "calls/s", "p50 ms", "p99 ms", "errors", "RSS idle MB", $"RSS {Sessions} sessions open MB", "RSS peak under load MB"],
            [[$"{Sessions}", $"{calls}", $"{calls / elapsed:0}", $"{Percentile(latencies, 0.50):0.0}", $"{Percentile(latencies, 0.99):0.0}",
              errors.ToString(CultureInfo.InvariantCulture), $"{idle:0.0}", $"{open:0.0}", $"{peak:0.0}"]]);
        report.Target($"MCP under load ({Sessions} sessions)", "0 errors (reported: p50/p99, calls/s, RSS)", $"{errors} errors, {calls / elapsed:0} calls/s", errors == 0);
    }

    /// <summary>Every session calls in a loop until the time is up; returns each successful call's latency, the errors and the gateway's peak RSS.</summary>
    private static async Task<(double[] Latencies, int Errors, double Seconds, double PeakRssMb)> RunLoadAsync(HttpClient client, string url,
        string?[] sessions, string call, int seconds, Proc gateway)
    {
        var deadline = Stopwatch.StartNew();
        var stop = TimeSpan.FromSeconds(seconds);
        var errors = 0;
        var peak = gateway.RssMb();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, gateway.RssMb());
                await Task.Delay(250, CancellationToken.None);
            }
        });

        var perSession = await Task.WhenAll(sessions.Select(session => Task.Run(async () =>
        {
            var latencies = new List<double>();
            while (deadline.Elapsed < stop)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    if ((await McpRaw.SendAsync(client, url, session, call)).Ok)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                        continue;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    // counted below
                }

                Interlocked.Increment(ref errors);
            }

            return latencies;
        })));
        var elapsed = deadline.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        return ([.. perSession.SelectMany(static l => l)], errors, elapsed, peak);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
