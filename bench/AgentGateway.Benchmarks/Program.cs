using System.Globalization;
using AgentGateway.Benchmarks.Cedar;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// `--quick`: plain Stopwatch loops (seconds, no BenchmarkDotNet) for a fast sanity number.
// `--short`: BenchmarkDotNet ShortRun (3 warm-ups, 3 iterations) in-process, then one `RESULT <method> <mean ns>`
//            line per benchmark for bench/Harness to parse; well under a minute.
// Otherwise BenchmarkDotNet runs in-process (no child build), which suits a shared CI machine.
if (args.Contains("--quick"))
{
    QuickBench.Run();
    return;
}

if (args.Contains("--short"))
{
    var shortConfig = DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .WithOptions(ConfigOptions.DisableLogFile);
    var summary = BenchmarkRunner.Run<CedarAuthorizationBenchmark>(shortConfig);
    foreach (var report in summary.Reports)
    {
        var mean = report.ResultStatistics?.Mean ?? double.NaN;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {report.BenchmarkCase.Descriptor.WorkloadMethod.Name} {mean:F1}"));
    }

    return;
}

var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(CedarAuthorizationBenchmark).Assembly).Run(args, config);
