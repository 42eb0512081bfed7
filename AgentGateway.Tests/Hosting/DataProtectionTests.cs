using AgentGateway.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting;

namespace AgentGateway.Tests.Hosting;

public class DataProtectionTests
{
    [Fact]
    public async Task TwoReplicasSharingRedis_CanReadEachOthersProtectedData()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString };
        await using var a = await TestGateway.StartAsync("routes: []", settings);
        await using var b = await TestGateway.StartAsync("routes: []", settings);

        var secret = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("hello from replica a");
        var read = b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret);

        Assert.Equal("hello from replica a", read);
        // The key ring lives in Redis (not in a local folder that happens to be shared by this test's processes).
        using var mux = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.True(await mux.GetDatabase().ListLengthAsync("agentgateway:dataprotection:keys") > 0);
    }

    [Fact]
    public async Task KeyRing_WithoutRedis_IsLoadedOnFirstUse_WithRedis_AtStartupAsBefore()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var single = await TestGateway.StartAsync("routes: []");
        await using var replica = await TestGateway.StartAsync("routes: []", new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString });

        // Without Redis nothing reads the key ring at startup (it costs ~9 MB of idle memory, bench/README.md) ...
        Assert.DoesNotContain(single.Services.GetServices<IHostedService>(), IsDataProtectionService);
        var protector = single.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("hello", protector.Unprotect(protector.Protect("hello")));

        // ... with Redis the ring (and the shared connection) is ready before the first request, as before.
        Assert.Contains(replica.Services.GetServices<IHostedService>(), IsDataProtectionService);
        using var mux = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.True(await mux.GetDatabase().ListLengthAsync("agentgateway:dataprotection:keys") > 0);
    }

    private static bool IsDataProtectionService(IHostedService service) =>
        service.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal) == true;
}
