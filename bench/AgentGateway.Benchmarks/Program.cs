using AgentGateway.Benchmarks.Cedar;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// `--quick`: plain Stopwatch loops (seconds, no BenchmarkDotNet) for a fast sanity number.
// Otherwise BenchmarkDotNet runs in-process (no child build), which suits a shared CI machine.
if (args.Contains("--quick"))
{
    QuickBench.Run();
    return;
}

var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(CedarAuthorizationBenchmark).Assembly).Run(args, config);
