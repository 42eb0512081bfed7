namespace AgentGateway.Llm.Cache;

/// <summary>The names of the cache stores in config (<c>store:</c>), compared case-insensitively.</summary>
internal static class ResponseStoreKinds
{
    public const string Memory = "memory";

    public const string Redis = "redis";

    public static string? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        Memory => Memory,
        Redis => Redis,
        _ => null,
    };
}
