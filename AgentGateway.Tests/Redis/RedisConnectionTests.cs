using AgentGateway.Redis;
using AgentGateway.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AgentGateway.Tests.Redis;

public class RedisConnectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Gateway_WithARedisConnectionString_UsesTheAspireRedisClient_WithItsOwnHealthAndTimeouts()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var gateway = await TestGateway.StartAsync("routes: []",
            new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString });

        // AddRedisClient registered the multiplexer; every store reaches Redis through that one.
        var client = gateway.Services.GetRequiredService<IConnectionMultiplexer>();
        var connection = gateway.Services.GetRequiredService<RedisConnection>();
        Assert.Same(client, connection.Multiplexer);
        Assert.True(await connection.PingAsync());

        // Aspire's own check would make /health unhealthy during an outage; the gateway's says degraded instead.
        var checks = gateway.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(static r => r.Name).ToList();
        Assert.Contains("redis", checks);
        Assert.DoesNotContain("StackExchange.Redis", checks);
        // Short timeouts and background reconnects, whatever the connection string says.
        Assert.Contains("connectTimeout=2000", client.Configuration, StringComparison.Ordinal);
        Assert.Contains("syncTimeout=1000", client.Configuration, StringComparison.Ordinal);
        Assert.Contains("abortConnect=False", client.Configuration, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_WithoutRedis_RegistersNoRedisClient_AndIsHealthy()
    {
        await using var gateway = await TestGateway.StartAsync("routes: []");

        Assert.Null(gateway.Services.GetService<IConnectionMultiplexer>());
        Assert.False(gateway.Services.GetRequiredService<RedisConnection>().IsConfigured);
        using var http = gateway.CreateClient();
        Assert.Equal("Healthy", await http.GetStringAsync(new Uri("/health", UriKind.Relative), Ct));
    }
}
