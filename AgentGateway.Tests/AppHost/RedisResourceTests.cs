using AgentGateway.AppHost.Hosting;
using AgentGateway.Tests.Infrastructure;
using StackExchange.Redis;

namespace AgentGateway.Tests.AppHost;

public class RedisResourceTests
{
    [Fact]
    public async Task AddRedis_Started_AcceptsConnectionStringWithPasswordAndRefusesWithout()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True(ExecutableLocator.Find("redis-server") is not null,
            "redis-server is not installed (run .ci/setup.d/20-apphost.sh)");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(b => b.AddRedis("redis"), cancellationToken: ct);
        await using var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);
        await app.WaitForResourceHealthyAsync("redis", ct);

        var connectionString = app.GetConnectionString("redis")!;
        var password = connectionString[(connectionString.IndexOf("password=", StringComparison.Ordinal) + 9)..];
        var cmdline = await File.ReadAllTextAsync($"/proc/{app.GetResource("redis").ProcessId}/cmdline", ct);
        Assert.DoesNotContain(password, cmdline); // the password goes in on stdin, never on the command line
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(connectionString + ",allowAdmin=true"))
        {
            var db = redis.GetDatabase();
            await db.StringSetAsync("k", "v");
            Assert.Equal("v", (string?)await db.StringGetAsync("k"));
            // No persistence: the "save" setting is empty, so nothing is ever snapshotted to disk.
            var save = (await redis.GetServers()[0].ConfigGetAsync("save")).Single();
            Assert.Equal(string.Empty, save.Value);
        }

        // Without the password the server refuses commands.
        var port = app.GetEndpoint("redis", "tcp").Port;
        using var raw = new System.Net.Sockets.TcpClient();
        await raw.ConnectAsync("127.0.0.1", port, ct);
        var stream = raw.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), ct);
        var buffer = new byte[128];
        var n = await stream.ReadAsync(buffer, ct);
        Assert.StartsWith("-NOAUTH", System.Text.Encoding.ASCII.GetString(buffer, 0, n));
    }
}
