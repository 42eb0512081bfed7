using System.Net;
using System.Text.Json;
using AgentGateway.AppHost.Hosting;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.AppHost;

/// <summary>Redis + the real gateway + a real backend, each a separate process, wired like the local stack.</summary>
public class WholeStackTests
{
    private const string GatewayYaml = """
        routes:
          - name: echo
            path: /echo
            http: echo
        http:
          echo:
            destinations: [http://echo]
        sessions:
          store: redis
        """;

    [Fact]
    public async Task HttpRoute_ThroughGateway_ReachesEchoBackendByServiceName()
    {
        var ct = TestContext.Current.CancellationToken;
        var configDir = Directory.CreateTempSubdirectory("apphost-stack-");
        try
        {
            var configPath = Path.Combine(configDir.FullName, "gateway.yaml");
            await File.WriteAllTextAsync(configPath, GatewayYaml, ct);
            var builder = await DistributedApplicationTestingBuilder.CreateAsync(b =>
            {
                var redis = b.AddRedis("redis");
                var echo = b.AddProject("echo", "../samples/EchoHttp/EchoHttp.csproj").WithHttpHealthCheck("/health");
                b.AddProject("gateway", "../AgentGateway.Gateway/AgentGateway.Gateway.csproj")
                    .WithArgs("--config", configPath)
                    .WithHttpEndpoint(name: "admin", urlEnv: "Gateway__admin__url")
                    .WithReference(redis).WaitFor(redis)
                    .WithReference(echo).WaitFor(echo)
                    .WithHttpHealthCheck("/health");
            }, cancellationToken: ct);
            await using var app = await builder.BuildAsync(ct);
            await app.StartAsync(ct);
            await app.WaitForResourceHealthyAsync("gateway", ct);

            using var gateway = app.CreateHttpClient("gateway");
            using var content = new StringContent("""{"hello":"stack"}""", System.Text.Encoding.UTF8, "application/json");
            using var response = await gateway.PostAsync(new Uri("/echo/things?x=1", UriKind.Relative), content, ct);
            var body = await response.Content.ReadAsStringAsync(ct);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}\n{app.DescribeLogs()}");
            using var echoed = JsonDocument.Parse(body);
            Assert.Equal("echo", echoed.RootElement.GetProperty("service").GetString());
            Assert.Equal("POST", echoed.RootElement.GetProperty("method").GetString());
            Assert.EndsWith("/things", echoed.RootElement.GetProperty("path").GetString());
            Assert.Equal("?x=1", echoed.RootElement.GetProperty("query").GetString());
            Assert.Equal("""{"hello":"stack"}""", echoed.RootElement.GetProperty("body").GetString());
        }
        finally
        {
            configDir.Delete(recursive: true);
        }
    }
}
