using AgentGateway.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

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
    public async Task KeyRing_IsReadOrCreatedOnFirstProtect_NotAtStartup()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString };
        using var mux = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        await using var gateway = await TestGateway.StartAsync("routes: []", settings);

        // Started, nothing protected yet: no key was made (loading the ring costs ~9 MB of idle memory, bench/README.md).
        Assert.Equal(0, await mux.GetDatabase().ListLengthAsync("agentgateway:dataprotection:keys"));

        var protector = gateway.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("hello", protector.Unprotect(protector.Protect("hello")));
        Assert.Equal(1, await mux.GetDatabase().ListLengthAsync("agentgateway:dataprotection:keys"));
    }
}

