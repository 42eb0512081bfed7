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
}
