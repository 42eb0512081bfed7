using AgentGateway.Configuration;
using AgentGateway.Routing;

namespace AgentGateway.Llm.Cache;

/// <summary>The response cache of one route: how long answers live, where, and the largest one kept.</summary>
internal sealed record RouteResponseCache(TimeSpan Ttl, IResponseStore Store, long MaxEntryBytes);

/// <summary>
/// The response caches of every route of one config (a runtime part). When several of a route's policies set
/// <c>llmCache</c>, the last one wins. Routes sharing a policy share its memory store (their keys differ by route).
/// </summary>
internal sealed class ResponseCachePolicies(IReadOnlyDictionary<string, RouteResponseCache> byRoute, IReadOnlyDictionary<string, (LlmCacheConfig Config, IResponseStore Store)> byPolicy)
{
    public RouteResponseCache? For(string route) => byRoute.GetValueOrDefault(route);

    /// <summary>Each policy's config and store, so a reload that left a policy alone keeps its cached answers.</summary>
    public IReadOnlyDictionary<string, (LlmCacheConfig Config, IResponseStore Store)> ByPolicy => byPolicy;
}

/// <summary>Compiles <see cref="ResponseCachePolicies"/> for the runtime, carrying memory stores over unchanged policies.</summary>
internal sealed class ResponseCachePoliciesCompiler(RedisResponseStore redis, TimeProvider time) : RuntimeCompiler<ResponseCachePolicies>
{
    protected override ResponseCachePolicies Compile(GatewayConfig config, GatewayConfig? previousConfig, ResponseCachePolicies? previousPart)
    {
        var byPolicy = new Dictionary<string, (LlmCacheConfig Config, IResponseStore Store)>(StringComparer.Ordinal);
        var byRoute = new Dictionary<string, RouteResponseCache>(StringComparer.OrdinalIgnoreCase);
        foreach (var route in config.Routes.Where(r => r.Llm is not null))
        {
            var policy = route.Policies.LastOrDefault(n => config.Policies.TryGetValue(n, out var p) && p.LlmCache is not null);
            if (policy is null)
            {
                continue;
            }

            var cache = config.Policies[policy].LlmCache!;
            if (!byPolicy.TryGetValue(policy, out var compiled))
            {
                compiled = (cache, StoreFor(policy, cache, previousPart));
                byPolicy[policy] = compiled;
            }

            var ttl = Duration.TryParse(cache.Ttl, out var t) ? t : TimeSpan.FromMinutes(5);
            byRoute.TryAdd(route.Name, new RouteResponseCache(ttl, compiled.Store, cache.MaxEntryBytes));
        }

        return new ResponseCachePolicies(byRoute, byPolicy);
    }

    private IResponseStore StoreFor(string policy, LlmCacheConfig cache, ResponseCachePolicies? previous)
    {
        if (ResponseStoreKinds.Parse(cache.Store) == ResponseStoreKinds.Redis)
        {
            return redis;
        }

        return previous?.ByPolicy.TryGetValue(policy, out var last) == true && last.Store is MemoryResponseStore && ConfigEquality.AreEqual(last.Config, cache)
            ? last.Store
            : new MemoryResponseStore(cache.MaxEntries, cache.MaxBytes, time);
    }
}
