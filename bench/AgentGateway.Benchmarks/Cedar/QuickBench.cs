using System.Diagnostics;
using System.Globalization;

namespace AgentGateway.Benchmarks.Cedar;

/// <summary>
/// A Stopwatch-based measurement of the same two cases as <see cref="CedarAuthorizationBenchmark"/>,
/// reporting wall and process CPU time per decision (CPU time is steadier on a loaded shared machine).
/// </summary>
internal static class QuickBench
{
    public static void Run()
    {
        var bench = new CedarAuthorizationBenchmark();
        bench.Setup();
        Measure("IsAuthorized (pre-built entities)", 1_000_000, () => bench.IsAuthorized());
        Measure("IsAuthorized + entity JSON parse per call", 20_000, () => bench.IsAuthorizedParsingEntitiesJson());
    }

    private static void Measure(string label, int iterations, Func<bool> decide)
    {
        for (var i = 0; i < iterations / 5; i++)
        {
            decide();
        }

        var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            decide();
        }

        sw.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuStart).TotalMicroseconds / iterations;
        var wall = sw.Elapsed.TotalMicroseconds / iterations;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dotnet cedar {label}: {wall:F2} us/decision wall, {cpu:F2} us/decision cpu, over {iterations} iterations (101 policies)"));
    }
}
