using AgentGateway.Cedar;
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

    /// <summary>The gateway's case: policies and entities already built.</summary>
    [Benchmark(Baseline = true)]
    public bool IsAuthorized() => Authorizer.IsAuthorized(_data.Request, _data.Policies, _data.Entities).IsAllowed;

    /// <summary>Like the Wasm peer's <c>statefulIsAuthorized</c>: the entity JSON is parsed for every decision.</summary>
    [Benchmark]
    public bool IsAuthorizedParsingEntitiesJson() =>
        Authorizer.IsAuthorized(_data.Request, _data.Policies, CedarEntities.FromJson(_data.EntitiesJson)).IsAllowed;
}
