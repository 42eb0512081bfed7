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
        var samples = builder.Resources.OfType<ProjectResource>().Where(p => p.Name != "gateway").ToList();
        Assert.All(samples, p => Assert.True(File.Exists(p.ProjectPath)));
        Assert.All(samples, p => Assert.Contains(p, gateway.References));
        Assert.All(samples, p => Assert.Equal("/health", p.HealthCheckPath));
    }

    [Fact]
    public async Task LocalStack_WithReplicas_PutsARoundRobinFrontNamedGateway_BeforeReplicasSharingRedis()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(b => LocalStack.Configure(b, new LocalStackOptions { Replicas = 3 }), cancellationToken: ct);

        var replicas = Enumerable.Range(0, 3).Select(i => Assert.IsType<ProjectResource>(builder.Resources.Single(r => r.Name == $"gateway-{i}"))).ToList();
        var front = Assert.IsType<ProjectResource>(builder.Resources.Single(r => r.Name == "gateway"));
        var redis = builder.Resources.OfType<RedisResource>().Single();
        var echo = builder.Resources.Single(r => r.Name == "echo");
        Assert.All(replicas, replica =>
        {
            Assert.Equal(front.ProjectPath, replica.ProjectPath);
            Assert.Equal("/health", replica.HealthCheckPath);
            Assert.Contains(echo, replica.References);
            if (redis.IsAvailable)
            {
                Assert.Contains(redis, replica.References);
            }

            Assert.Contains(replica, front.References);
            Assert.Contains(replica, front.WaitsFor);
        });

        // The front is a gateway whose one route spreads requests over the replicas by resource name.
        var frontConfig = await File.ReadAllTextAsync(front.Args[front.Args.ToList().IndexOf("--config") + 1], ct);
        Assert.Contains("\"http://gateway-0\", \"http://gateway-1\", \"http://gateway-2\"", frontConfig, StringComparison.Ordinal);
        Assert.DoesNotContain(redis, front.References);
        Assert.True(front.GetEndpoint()!.IsExternal);
        Assert.Contains(front, builder.Resources.Single(r => r.Name == "travel-agent").References);
    }

    [Theory]
    [InlineData(new string[0], 1)]
    [InlineData(new[] { "--replicas", "3" }, 3)]
    [InlineData(new[] { "--other", "--replicas=2" }, 2)]
    public void Options_ReadReplicasFromTheCommandLine(string[] args, int replicas) =>
        Assert.Equal(replicas, LocalStackOptions.Parse(args).Replicas);

    [Theory]
    [InlineData("0")]
    [InlineData("17")]
    [InlineData("three")]
    [InlineData("-1")]
    public void Options_RejectABadReplicaCount_WithAClearMessage(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => LocalStackOptions.Parse(["--replicas", value]));
        Assert.Contains("--replicas takes a whole number from 1 to 16", error.Message, StringComparison.Ordinal);
    }
}
