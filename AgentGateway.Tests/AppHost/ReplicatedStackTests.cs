using AgentGateway.AppHost;
using AgentGateway.AppHost.Hosting;
using AgentGateway.Tests.Infrastructure;
using ModelContextProtocol.Client;

namespace AgentGateway.Tests.AppHost;

/// <summary>
/// The AppHost's multi-replica mode as processes: Redis, the weather MCP sample, two gateway replicas and the
/// round-robin front named "gateway". One MCP session through the front is served by both replicas.
/// </summary>
[Collection(StackTestsDefinition.Name)]
public class ReplicatedStackTests
{
    private const string GatewayYaml = """
        routes: [{ name: tools, path: /mcp, mcp: tools }]
        mcp: { tools: { targets: [{ name: weather, url: "http://weather-mcp/mcp" }] } }
        sessions: { store: redis }
        """;

    [Fact]
    public async Task OneMcpSessionThroughTheFront_IsServedByEveryReplica()
    {
        var ct = TestContext.Current.CancellationToken;
        var configDir = Directory.CreateTempSubdirectory("apphost-replicas-");
        try
        {
            var configPath = Path.Combine(configDir.FullName, "gateway.yaml");
            await File.WriteAllTextAsync(configPath, GatewayYaml, ct);
            var builder = await DistributedApplicationTestingBuilder.CreateAsync(b =>
            {
                var redis = b.AddRedis("redis");
                var weather = b.AddProject("weather-mcp", "../samples/WeatherMcp/WeatherMcp.csproj").WithHttpHealthCheck("/health");
                GatewayReplicas.Add(b, "gateway", "../AgentGateway.Gateway/AgentGateway.Gateway.csproj", configPath, 2,
                    r => r.WithReference(redis).WaitFor(redis).WithReference(weather).WaitFor(weather));
            }, cancellationToken: ct);
            await using var app = await builder.BuildAsync(ct);
            await app.StartAsync(ct);
            await app.WaitForResourceHealthyAsync("gateway", ct);

            await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = new Uri(app.GetEndpoint("gateway"), "/mcp"),
                TransportMode = HttpTransportMode.StreamableHttp,
            }), cancellationToken: ct);
            var sessionId = client.SessionId;
            for (var i = 0; i < 4; i++)
            {
                var forecast = await client.CallToolAsync("get_forecast", new Dictionary<string, object?> { ["city"] = "Lisbon", ["days"] = 1 }, cancellationToken: ct);
                Assert.True(forecast.IsError is not true, app.DescribeLogs());
                Assert.Equal("Lisbon", forecast.StructuredContent!.Value.GetProperty("city").GetString());
            }

            Assert.Equal(sessionId, client.SessionId);
            Assert.All(new[] { "gateway-0", "gateway-1" }, replica =>
                Assert.True(app.ConsoleText(replica).Contains("route=tools", StringComparison.Ordinal), $"{replica} served none of the session's requests\n{app.DescribeLogs()}"));
        }
        finally
        {
            configDir.Delete(recursive: true);
        }
    }
}
