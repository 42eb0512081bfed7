using System.Diagnostics;
using System.Globalization;
using AgentGateway.Benchmarks.Cedar;
using AgentGateway.Security.Cedar;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// `--quick`: a plain Stopwatch loop (seconds, no BenchmarkDotNet) for a fast sanity number.
// Otherwise BenchmarkDotNet runs in-process (no child build), which suits a shared CI machine.
if (args.Contains("--quick"))
{
    var data = CedarBenchData.Load();
    const int Warmup = 200_000;
    const int Iterations = 1_000_000;
    for (var i = 0; i < Warmup; i++)
    {
        Authorizer.IsAuthorized(data.Request, data.Policies, data.Entities);
    }

    var sw = Stopwatch.StartNew();
    for (var i = 0; i < Iterations; i++)
    {
        Authorizer.IsAuthorized(data.Request, data.Policies, data.Entities);
    }

    var us = sw.Elapsed.TotalMicroseconds / Iterations;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dotnet cedar: {us:F3} us/decision over {Iterations} iterations (101 policies)"));
    return;
}

var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(CedarAuthorizationBenchmark).Assembly).Run(args, config);
