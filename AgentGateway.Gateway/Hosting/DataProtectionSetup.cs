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

    public static void AddGatewayDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection().SetApplicationName("agentgateway");
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString("redis")))
        {
            // Through the shared connection, resolved lazily: building the host must not wait for Redis.
            services.AddOptions<KeyManagementOptions>().Configure<RedisConnection>((options, redis) =>
                options.XmlRepository = new RedisXmlRepository(() => redis.Multiplexer!.GetDatabase(), new RedisKey(KeyName)));
        }
    }
}
