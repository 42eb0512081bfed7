using AgentGateway.Configuration;
using AgentGateway.Hosting;

namespace AgentGateway.Tests.Llm.VirtualModels;

public class VirtualModelConfigTests
{
    private static (GatewayConfig? Config, IReadOnlyList<ConfigError> Errors) Load(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("agw-vm-config-").FullName;
        var path = Path.Combine(dir, "gateway.yaml");
        File.WriteAllText(path, "admin: { url: \"\" }\n" + yaml);
        var (app, errors) = GatewayApp.Build(GatewayCommandLine.Parse(["--config", path, "--hostBuilder:reloadConfigOnChange=false"]));
        var config = app?.Services.GetRequiredService<IGatewayConfigProvider>().Current;
        (app as IDisposable)?.Dispose();
        return (config, errors);
    }

    [Fact]
    public void VirtualModels_BindEveryKey()
    {
        var (config, errors) = Load("""
            routes: [{ name: m, path: /v1, llm: models }]
            llm:
              models:
                providers:
                  - { name: a, type: mock, models: [x] }
                  - { name: b, type: mock, models: ["y-*"] }
                virtualModels:
                  smart:
                    strategy: leastLatency
                    targets: [{ provider: a, model: x, weight: 3 }, { provider: b, model: y-1 }]
                    ejection: { consecutiveFailures: 2, coolDown: 10s }
                aliases: { clever: smart }
            """);

        Assert.Empty(errors);
        var vm = config!.Llm["models"].VirtualModels["smart"];
        Assert.Equal("leastLatency", vm.Strategy);
        Assert.Equal(("a", "x", 3), (vm.Targets[0].Provider, vm.Targets[0].Model, vm.Targets[0].Weight));
        Assert.Equal(1, vm.Targets[1].Weight); // default
        Assert.Equal(2, vm.Ejection!.ConsecutiveFailures);
        Assert.Equal("10s", vm.Ejection.CoolDown);
    }

    [Fact]
    public void InvalidVirtualModels_ReportEveryErrorWithItsPath()
    {
        var (config, errors) = Load("""
            routes: [{ name: m, path: /v1, llm: models }]
            llm:
              models:
                providers:
                  - { name: a, type: mock, models: [x] }
                aliases: { fast: x }
                virtualModels:
                  fast:
                    targets: [{ provider: a, model: x }]
                  broken:
                    strategy: random
                    targets:
                      - { provider: ghost, model: x }
                      - { provider: a, model: z, weight: 0 }
                      - { model: x, weight: -2 }
                      - { provider: a }
                    ejection: { consecutiveFailures: -1, coolDown: soon }
                  hollow:
                    strategy: failover
            """);

        Assert.Null(config);
        var paths = errors.Select(e => e.Path).ToList();
        Assert.Contains("llm.models.virtualModels.fast", paths); // clashes with the alias
        Assert.Contains("llm.models.virtualModels.broken.strategy", paths);
        Assert.Contains("llm.models.virtualModels.broken.targets[0].provider", paths);
        Assert.Contains("llm.models.virtualModels.broken.targets[1].model", paths); // a does not serve z
        Assert.Contains("llm.models.virtualModels.broken.targets[1].weight", paths);
        Assert.Contains("llm.models.virtualModels.broken.targets[2].provider", paths);
        Assert.Contains("llm.models.virtualModels.broken.targets[2].weight", paths);
        Assert.Contains("llm.models.virtualModels.broken.targets[3].model", paths);
        Assert.Contains("llm.models.virtualModels.broken.ejection.consecutiveFailures", paths);
        Assert.Contains("llm.models.virtualModels.broken.ejection.coolDown", paths);
        Assert.Contains("llm.models.virtualModels.hollow.targets", paths);
    }
}
