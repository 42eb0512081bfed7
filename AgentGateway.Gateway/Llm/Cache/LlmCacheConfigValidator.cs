using AgentGateway.Configuration;
using AgentGateway.Redis;

namespace AgentGateway.Llm.Cache;

/// <summary>Checks every policy's <c>llmCache</c> block, reporting each problem with its path.</summary>
internal sealed class LlmCacheConfigValidator(RedisConnection redis) : IConfigValidator
{
    public void Validate(GatewayConfig config, ConfigValidationContext context)
    {
        foreach (var (name, policy) in config.Policies)
        {
            if (policy.LlmCache is { } cache)
            {
                Validate(cache, $"policies.{name}.llmCache", context);
            }
        }
    }

    private void Validate(LlmCacheConfig cache, string path, ConfigValidationContext context)
    {
        if (!Duration.TryParse(cache.Ttl, out var ttl))
        {
            context.Error($"{path}.ttl", $"'{cache.Ttl}' is not a duration (e.g. 30s, 10m, 1h)");
        }
        else if (ttl <= TimeSpan.Zero)
        {
            context.Error($"{path}.ttl", "must be longer than zero");
        }

        if (ResponseStoreKinds.Parse(cache.Store) is not { } store)
        {
            context.Error($"{path}.store", $"'{cache.Store}' is not a cache store (memory or redis)");
        }
        else if (store == ResponseStoreKinds.Redis && !redis.IsConfigured)
        {
            context.Error($"{path}.store", "the redis store needs the connection string 'redis' (ConnectionStrings__redis)");
        }

        if (cache.MaxEntries <= 0)
        {
            context.Error($"{path}.maxEntries", "must be a positive number");
        }

        if (cache.MaxBytes <= 0)
        {
            context.Error($"{path}.maxBytes", "must be a positive number of bytes");
        }

        if (cache.MaxEntryBytes <= 0)
        {
            context.Error($"{path}.maxEntryBytes", "must be a positive number of bytes");
        }
        else if (cache.MaxBytes > 0 && cache.MaxEntryBytes > cache.MaxBytes)
        {
            context.Error($"{path}.maxEntryBytes", $"must not exceed maxBytes ({cache.MaxBytes})");
        }
    }
}
