using AgentGateway.AppHost;
using AgentGateway.AppHost.Hosting;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.AppHost;

public class LocalStackGraphTests
{
    [Fact]
    public async Task LocalStack_Gateway_ReferencesRedisAndBackendsAndUsesAppHostConfig()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<LocalStack>(cancellationToken: ct);

        var gateway = Assert.IsType<ProjectResource>(builder.Resources.Single(r => r.Name == "gateway"));
        Assert.EndsWith(Path.Combine("AgentGateway.Gateway", "AgentGateway.Gateway.csproj"), gateway.ProjectPath);
        Assert.True(File.Exists(gateway.ProjectPath));
        var configIndex = gateway.Args.ToList().IndexOf("--config");
        Assert.True(configIndex >= 0);
        var configPath = gateway.Args[configIndex + 1];
        Assert.True(Path.IsPathRooted(configPath) && File.Exists(configPath), $"gateway config {configPath} must exist");
        Assert.Equal("/health", gateway.HealthCheckPath);
        Assert.Equal("Gateway__admin__url", gateway.GetEndpoint("admin")?.UrlEnvironmentVariable);
        Assert.True(gateway.GetEndpoint()!.IsExternal);

        var redis = builder.Resources.OfType<RedisResource>().Single();
        if (redis.IsAvailable)
        {
            Assert.Contains(redis, gateway.References);
            Assert.Contains(redis, gateway.WaitsFor);
        }

        // Every sample that exists is a project the gateway can reach by its resource name.
        var echo = builder.Resources.Single(r => r.Name == "echo");
        Assert.Contains(echo, gateway.References);
        Assert.Contains(echo, gateway.WaitsFor);
        Assert.All(builder.Resources.OfType<ProjectResource>(), p => Assert.True(File.Exists(p.ProjectPath)));
    }
}
