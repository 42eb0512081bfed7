using System.Globalization;
using System.Text;
using AgentGateway.Bench;

// Benchmark harness: starts everything on loopback, measures side by side, prints and saves a Markdown table.
// Run it through bench/run.sh (installs nginx/wrk and the npm peers, builds Release). See bench/README.md.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);
var root = BenchOptions.FindRepoRoot();
var work = Directory.CreateDirectory(Path.Combine(root, "bench", "out", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture))).FullName;
var report = new Report();
report.Line($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; " +
            $"duration {options.Seconds}s per run, {options.Pairs} A/B pairs per comparison, 32 connections; " +
            $"sections: {string.Join(", ", BenchOptions.AllSections.Where(options.Runs))}.");

foreach (var section in BenchOptions.AllSections.Where(options.Runs))
{
    Console.WriteLine($"== {section} ({DateTime.UtcNow:HH:mm:ss})");
    await (section switch
    {
        "llm" => LlmBench.RunAsync(root, work, options, report),
        "stream" => StreamBench.RunAsync(root, work, options, report),
        "mcp" => McpBench.RunAsync(root, work, options, report),
        "mcpload" => McpLoadBench.RunAsync(root, work, options, report),
        "replicas" => ReplicaBench.RunAsync(root, work, report),
        _ => CedarBench.RunAsync(root, options, report),
    });
}

var resultsDir = Directory.CreateDirectory(Path.Combine(root, "bench", "results")).FullName;
var resultFile = Path.Combine(resultsDir, DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".md");
await File.WriteAllTextAsync(resultFile, report.ToMarkdown(), Encoding.UTF8);
Console.WriteLine();
Console.WriteLine(report.ToMarkdown());
Console.WriteLine($"Results written to {Path.GetRelativePath(root, resultFile)}");
return 0;
