using AgentGateway.Configuration;
using AgentGateway.Hosting;

namespace AgentGateway.Tests.Llm.Cache;

/// <summary>The <c>llmCache</c> policy block binds every key and the validator reports every error with its path.</summary>
public class LlmCacheConfigTests
{
    private static (GatewayConfig? Config, IReadOnlyList<ConfigError> Errors) Load(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("agw-cache-config-").FullName;
        var path = Path.Combine(dir, "gateway.yaml");
        File.WriteAllText(path, "admin: { url: \"\" }\nroutes: [{ name: m, path: /v1, llm: models, policies: [c] }]\n"
            + "llm: { models: { providers: [{ name: local, type: mock }] } }\n" + yaml);
        var (app, errors) = GatewayApp.Build(GatewayCommandLine.Parse(["--config", path, "--hostBuilder:reloadConfigOnChange=false"]));
        var config = app?.Services.GetRequiredService<IGatewayConfigProvider>().Current;
        (app as IDisposable)?.Dispose();
        return (config, errors);
    }

    [Fact]
    public void EveryKey_Binds()
    {
        var (config, errors) = Load("policies: { c: { llmCache: { ttl: 90s, store: memory, maxEntries: 7, maxBytes: 5000, maxEntryBytes: 600 } } }\n");

        Assert.Empty(errors);
        var cache = config!.Policies["c"].LlmCache!;
        Assert.Equal(("90s", "memory", 7, 5000L, 600L), (cache.Ttl, cache.Store, cache.MaxEntries, cache.MaxBytes, cache.MaxEntryBytes));
    }

    [Fact]
    public void EveryError_IsReportedWithItsPath()
    {
        var (_, errors) = Load("policies: { c: { llmCache: { ttl: 0s, store: redis, maxEntries: 0, maxBytes: -1, maxEntryBytes: 0 } }, d: { llmCache: { ttl: soon, store: disk, maxBytes: 10, maxEntryBytes: 11 } } }\n");

        Assert.Equal(
            [
                "policies.c.llmCache.maxBytes", "policies.c.llmCache.maxEntries", "policies.c.llmCache.maxEntryBytes", "policies.c.llmCache.store", "policies.c.llmCache.ttl",
                "policies.d.llmCache.maxEntryBytes", "policies.d.llmCache.store", "policies.d.llmCache.ttl",
            ],
            errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Path == "policies.c.llmCache.store" && e.Message.Contains("ConnectionStrings__redis", StringComparison.Ordinal));
    }
}
