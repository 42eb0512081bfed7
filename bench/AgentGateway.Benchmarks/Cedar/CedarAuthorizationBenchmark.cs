using AgentGateway.Security.Cedar;
using BenchmarkDotNet.Attributes;

namespace AgentGateway.Benchmarks.Cedar;

/// <summary>One authorization decision against the 101-policy gateway-shaped set (policies pre-parsed).</summary>
[MemoryDiagnoser]
public class CedarAuthorizationBenchmark
{
    private CedarBenchData _data = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = CedarBenchData.Load();
        var response = Authorizer.IsAuthorized(_data.Request, _data.Policies, _data.Entities);
        if (!response.IsAllowed || response.Reasons is not ["policy43"])
        {
            throw new InvalidOperationException($"unexpected decision {response.Decision} [{string.Join(",", response.Reasons)}]");
        }
    }

    [Benchmark]
    public bool IsAuthorized() => Authorizer.IsAuthorized(_data.Request, _data.Policies, _data.Entities).IsAllowed;
}
