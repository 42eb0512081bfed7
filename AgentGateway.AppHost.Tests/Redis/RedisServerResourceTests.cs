using System.Net.Sockets;
using System.Text;
using AgentGateway.AppHost.Redis;
using AgentGateway.AppHost.Tests.Infrastructure;
using StackExchange.Redis;

namespace AgentGateway.AppHost.Tests.Redis;

/// <summary>The redis-server executable resource on its own, run by DCP.</summary>
public sealed class RedisServerResourceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Started_AcceptsItsConnectionString_RefusesWithoutPassword_KeepsNothing_AndHidesThePassword()
    {
        Assert.True(File.Exists("/usr/bin/redis-server"), "redis-server is not installed (apt-get install -y redis-server)");
        // The AppHost's own Redis resource, alone: everything else in the graph is left out.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AgentGateway_AppHost>(["--redis", "executable"], Ct);
        foreach (var other in builder.Resources.Where(static r => r.Name is not ("redis" or "redis-password")).ToList())
        {
            builder.Resources.Remove(other);
        }

        var redis = Assert.IsType<RedisServerResource>(builder.Resources.Single(static r => r.Name == "redis"));
        await using var app = await builder.BuildAsync(Ct);
        await app.StartAsync(Ct);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("redis", Ct);

        var connectionString = await app.GetConnectionStringAsync("redis", Ct) ?? "";
        Assert.Matches(@"^localhost:\d+,password=[0-9a-f]{32}$", connectionString);
        await using (var client = await ConnectionMultiplexer.ConnectAsync(connectionString + ",allowAdmin=true"))
        {
            var db = client.GetDatabase();
            await db.StringSetAsync("k", "v");
            Assert.Equal("v", (string?)await db.StringGetAsync("k"));
            var server = client.GetServers()[0];
            Assert.Equal("", (await server.ConfigGetAsync("save")).Single().Value); // no snapshots to disk
            Assert.Equal("no", (await server.ConfigGetAsync("appendonly")).Single().Value);
            Assert.Equal("127.0.0.1", (await server.ConfigGetAsync("bind")).Single().Value);
        }

        // Without the password the server refuses commands.
        var endpoint = app.GetEndpoint("redis", "tcp");
        using (var raw = new TcpClient())
        {
            await raw.ConnectAsync(endpoint.Host, endpoint.Port, Ct);
            var stream = raw.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), Ct);
            var buffer = new byte[128];
            var n = await stream.ReadAsync(buffer, Ct);
            Assert.StartsWith("-NOAUTH", Encoding.ASCII.GetString(buffer, 0, n), StringComparison.Ordinal);
        }

        // The password is in no argument (ps, DCP, the dashboard show those), and its config file is gone once the
        // server is up: it is read only at startup.
        var password = connectionString[(connectionString.IndexOf("password=", StringComparison.Ordinal) + 9)..];
        var args = await ResourceArguments.StringsAsync(redis, Ct);
        Assert.DoesNotContain(args, a => a.Contains(password, StringComparison.Ordinal));
        Assert.EndsWith("redis.conf", args[0], StringComparison.Ordinal);
        Assert.False(File.Exists(args[0]), $"{args[0]} outlived the start");
        Assert.True(app.ResourceNotifications.TryGetCurrentState("redis", out var state));
        var pid = state.Snapshot.Properties.Single(static p => p.Name == "executable.pid").Value;
        var cmdline = await File.ReadAllTextAsync($"/proc/{pid}/cmdline", Ct);
        Assert.DoesNotContain(password, cmdline, StringComparison.Ordinal);
    }
}
