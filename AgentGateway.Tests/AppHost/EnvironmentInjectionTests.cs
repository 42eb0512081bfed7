using AgentGateway.AppHost.Hosting;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.AppHost;

public class EnvironmentInjectionTests
{
    private static (IDistributedApplicationBuilder Builder, IResourceBuilder<ExecutableResource> Api,
        IResourceBuilder<RedisResource> Redis, IResourceBuilder<ExecutableResource> Client) Graph()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Output = null, EnableDashboard = false });
        var redis = builder.AddRedis("cache", serverPath: "/bin/sh"); // any existing file: only the env is computed here
        var api = builder.AddExecutable("api", "node", ".").WithHttpEndpoint();
        var client = builder.AddExecutable("client", "node", ".")
            .WithHttpEndpoint()
            .WithHttpEndpoint(name: "admin", urlEnv: "Gateway__admin__url")
            .WithReference(api).WithReference(redis)
            .WithEnvironment("CUSTOM", "yes");
        return (builder, api, redis, client);
    }

    private static void Allocate(params Resource[] resources)
    {
        var port = 41000;
        foreach (var endpoint in resources.SelectMany(r => r.Endpoints))
        {
            endpoint.AllocatedPort = port++;
        }
    }

    [Fact]
    public void Build_ProjectWithReferences_InjectsAspireVariables()
    {
        var (_, api, redis, client) = Graph();
        Allocate(api.Resource, redis.Resource, client.Resource);
        var env = EnvironmentBuilder.Build(client.Resource, new Uri("http://127.0.0.1:18888"), "client-1");

        var clientPort = client.Resource.GetEndpoint()!.AllocatedPort;
        Assert.Equal($"http://127.0.0.1:{clientPort}", env["ASPNETCORE_URLS"]);
        Assert.Equal(clientPort.ToString(), env["PORT"]);
        Assert.Equal($"http://127.0.0.1:{client.Resource.GetEndpoint("admin")!.AllocatedPort}", env["Gateway__admin__url"]);
        Assert.Equal($"http://127.0.0.1:{api.Resource.GetEndpoint()!.AllocatedPort}", env["services__api__http__0"]);
        Assert.Equal($"127.0.0.1:{redis.Resource.GetEndpoint("tcp")!.AllocatedPort},password={redis.Resource.Password}",
            env["ConnectionStrings__cache"]);
        Assert.Equal("http://127.0.0.1:18888", env["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", env["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("client", env["OTEL_SERVICE_NAME"]);
        Assert.Equal("service.instance.id=client-1", env["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal("yes", env["CUSTOM"]);
        Assert.True(env.ContainsKey("ASPNETCORE_HTTP_PORTS"));
        Assert.Null(env["ASPNETCORE_HTTP_PORTS"]); // inherited value removed, it would fight ASPNETCORE_URLS
    }

    [Fact]
    public void Build_NoOtlpEndpoint_LeavesExporterUnset()
    {
        var (_, api, redis, client) = Graph();
        Allocate(api.Resource, redis.Resource, client.Resource);
        var env = EnvironmentBuilder.Build(client.Resource, otlpEndpoint: null, "client-1");

        Assert.False(env.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"));
        Assert.Equal("client", env["OTEL_SERVICE_NAME"]);
    }

    [Fact]
    public void Build_UserEnvironment_WinsOverComputedValues()
    {
        var (_, api, redis, client) = Graph();
        client.WithEnvironment("PORT", "1234");
        Allocate(api.Resource, redis.Resource, client.Resource);
        var env = EnvironmentBuilder.Build(client.Resource, null, "x");

        Assert.Equal("1234", env["PORT"]);
    }

    [Fact]
    public void AddRedis_NotInstalled_IsSkippedAndReferenceLeftOut()
    {
        var output = new StringWriter();
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Output = output, EnableDashboard = false });
        var redis = builder.AddRedis("redis", serverPath: "/nonexistent/redis-server");
        var gateway = builder.AddExecutable("gateway", "node", ".").WithReference(redis).WaitFor(redis);

        Assert.False(redis.Resource.IsAvailable);
        Assert.Empty(gateway.Resource.References);
        Assert.Empty(gateway.Resource.WaitsFor);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains("redis-server not found", line);
        Assert.DoesNotContain("ConnectionStrings__redis", EnvironmentBuilder.Build(gateway.Resource, null, "g").Keys);
    }

    [Fact]
    public void AddProjectIfExists_MissingProject_ReturnsNullAndSaysSkipped()
    {
        var output = new StringWriter();
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Output = output, EnableDashboard = false });

        var result = builder.AddProjectIfExists("ghost", "../samples/Ghost/Ghost.csproj");

        Assert.Null(result);
        Assert.Empty(builder.Resources);
        Assert.Contains("skipped 'ghost'", output.ToString());
    }

    [Fact]
    public async Task StartedExecutable_SeesInjectedEnvironment()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(b =>
        {
            var web = b.AddExecutable("web", "node", ".", "-e", AppHostScripts.HttpServer).WithHttpHealthCheck("/health");
            b.AddExecutable("printer", "node", ".", "-e", AppHostScripts.PrintEnv)
                .WithHttpEndpoint()
                .WithReference(web)
                .WithEnvironment("GREETING", "hello");
        }, cancellationToken: ct);
        await using var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);
        await app.WaitForStateAsync("printer", ResourceState.Exited, ct);

        var printed = app.ConsoleText("printer");
        Assert.Contains($"services__web__http__0=http://127.0.0.1:{app.GetEndpoint("web").Port}", printed);
        Assert.Contains($"ASPNETCORE_URLS=http://127.0.0.1:{app.GetEndpoint("printer").Port}", printed);
        Assert.Contains("OTEL_SERVICE_NAME=printer", printed);
        Assert.Contains("GREETING=hello", printed);
        Assert.Equal(0, app.GetResource("printer").ExitCode);
    }
}
