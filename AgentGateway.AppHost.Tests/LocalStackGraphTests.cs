using AgentGateway.AppHost.Redis;
using AgentGateway.AppHost.Tests.Infrastructure;

namespace AgentGateway.AppHost.Tests;

/// <summary>The resource graph Program.cs builds (nothing is started): what runs, what references and waits for what.</summary>
public sealed class LocalStackGraphTests
{
    private static readonly string[] s_samples = ["echo", "mock-llm", "weather-mcp", "notes-mcp", "travel-agent", "planner-agent"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IDistributedApplicationTestingBuilder> GraphAsync(params string[] args) =>
        await DistributedApplicationTestingBuilder.CreateAsync<Projects.AgentGateway_AppHost>(args, Ct);

    private static T Resource<T>(IDistributedApplicationTestingBuilder builder, string name) where T : IResource =>
        Assert.IsType<T>(builder.Resources.Single(r => r.Name == name), exactMatch: false);

    private static IEnumerable<string> References(ProjectResource resource) =>
        resource.Annotations.OfType<ResourceRelationshipAnnotation>().Where(static r => r.Type == "Reference").Select(static r => r.Resource.Name);

    private static IEnumerable<string> WaitsFor(ProjectResource resource) =>
        resource.Annotations.OfType<WaitAnnotation>().Select(static w => w.Resource.Name);

    private static async Task<string> ConfigPathAsync(ProjectResource gateway)
    {
        var args = await ResourceArguments.StringsAsync(gateway, Ct);
        var index = args.IndexOf("--config");
        Assert.True(index >= 0, $"no --config in {string.Join(' ', args)}");
        return args[index + 1];
    }

    [Fact]
    public async Task Gateway_ReferencesRedisAndEveryBackend_AndRunsTheAppHostsConfig()
    {
        var builder = await GraphAsync("--redis", "executable");
        var gateway = Resource<ProjectResource>(builder, "gateway");

        Assert.EndsWith(Path.Combine("AgentGateway.Gateway", "AgentGateway.Gateway.csproj"), gateway.GetProjectMetadata().ProjectPath, StringComparison.Ordinal);
        var config = await ConfigPathAsync(gateway);
        Assert.Equal(Path.Combine(builder.AppHostDirectory, "gateway.yaml"), config);
        Assert.True(File.Exists(config));
        Assert.Single(gateway.Annotations.OfType<HealthCheckAnnotation>());

        var http = gateway.Annotations.OfType<EndpointAnnotation>().Single(static e => e.Name == "http");
        var admin = gateway.Annotations.OfType<EndpointAnnotation>().Single(static e => e.Name == "admin");
        Assert.True(http.IsExternal);
        Assert.False(admin.IsExternal);
        Assert.False(admin.IsProxied);

        Assert.IsType<RedisServerResource>(builder.Resources.Single(static r => r.Name == "redis"));
        Assert.Contains("redis", References(gateway));
        Assert.Contains("redis", WaitsFor(gateway));
        Assert.Contains("echo", WaitsFor(gateway));
        foreach (var sample in s_samples)
        {
            var project = Resource<ProjectResource>(builder, sample);
            Assert.True(File.Exists(project.GetProjectMetadata().ProjectPath));
            Assert.Single(project.Annotations.OfType<HealthCheckAnnotation>());
            Assert.Contains(sample, References(gateway));
        }

        // The travel agent thinks with the gateway's own LLM route.
        Assert.Contains("gateway", References(Resource<ProjectResource>(builder, "travel-agent")));
    }

    [Fact]
    public async Task Replicas_PutARoundRobinFrontNamedGateway_BeforeReplicasSharingRedis()
    {
        var builder = await GraphAsync("--replicas", "3", "--redis", "executable");
        var front = Resource<ProjectResource>(builder, "gateway");
        var replicas = Enumerable.Range(0, 3).Select(i => Resource<ProjectResource>(builder, $"gateway-{i}")).ToList();

        foreach (var replica in replicas)
        {
            Assert.Equal(front.GetProjectMetadata().ProjectPath, replica.GetProjectMetadata().ProjectPath);
            Assert.Equal(Path.Combine(builder.AppHostDirectory, "gateway.yaml"), await ConfigPathAsync(replica));
            Assert.Contains("redis", References(replica));
            Assert.Contains("echo", References(replica));
            Assert.Contains(replica.Name, References(front));
            Assert.Contains(replica.Name, WaitsFor(front));
        }

        // The front is a gateway whose one route spreads requests over the replicas by resource name.
        var frontConfig = await File.ReadAllTextAsync(await ConfigPathAsync(front), Ct);
        Assert.Contains("\"http://gateway-0\", \"http://gateway-1\", \"http://gateway-2\"", frontConfig, StringComparison.Ordinal);
        Assert.DoesNotContain("redis", References(front));
        Assert.True(front.Annotations.OfType<EndpointAnnotation>().Single(static e => e.Name == "http").IsExternal);
        Assert.Contains("gateway", References(Resource<ProjectResource>(builder, "travel-agent")));
    }

    [Fact]
    public async Task RedisContainer_IsAspiresRedis_WiredLikeTheExecutable()
    {
        var builder = await GraphAsync("--redis", "container");

        Assert.IsType<RedisResource>(builder.Resources.Single(static r => r.Name == "redis"));
        Assert.Contains("redis", References(Resource<ProjectResource>(builder, "gateway")));
        Assert.Contains("redis", WaitsFor(Resource<ProjectResource>(builder, "gateway")));
    }

    [Fact]
    public async Task NoRedis_GatewayRunsWithoutOne()
    {
        var builder = await GraphAsync("--redis", "none");

        Assert.DoesNotContain(builder.Resources, static r => r.Name == "redis");
        Assert.DoesNotContain("redis", References(Resource<ProjectResource>(builder, "gateway")));
    }
}
