using AgentGateway.Redis;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace AgentGateway.Hosting;

/// <summary>
/// ASP.NET Data Protection keys in Redis when a Redis connection is configured, under one application
/// name, so anything one replica protects (cookies, state tokens) every other replica can read.
/// </summary>
internal static class DataProtectionSetup
{
    public const string KeyName = "agentgateway:dataprotection:keys";

    /// <summary>Full name of the hosted service <c>AddDataProtection</c> registers to load the key ring at startup.</summary>
    private const string KeyRingPreloader = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    public static void AddGatewayDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection().SetApplicationName("agentgateway");
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString("redis")))
        {
            // Without Redis the key ring is loaded on first protect/unprotect instead of at startup: reading it pulls in
            // the XML stack and the crypto libraries (9.4 MB of idle RSS, bench/README.md) that a gateway which never
            // protects anything does not need. With Redis the preload stays: it also opens the shared Redis connection
            // before the first request, and the MCP relay's first cross-replica messages were seen out of order without
            // that (ReplicaFailoverTests).
            RemoveKeyRingPreloader(services);
            return;
        }

        // Through the shared connection, resolved lazily: building the host must not wait for Redis.
        services.AddOptions<KeyManagementOptions>().Configure<RedisConnection>((options, redis) =>
            options.XmlRepository = new RedisXmlRepository(() => redis.Multiplexer!.GetDatabase(), new RedisKey(KeyName)));
    }

    private static void RemoveKeyRingPreloader(IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IHostedService) && services[i].ImplementationType?.FullName == KeyRingPreloader)
            {
                services.RemoveAt(i);
            }
        }
    }
}
