namespace AgentGateway.Llm.Cache;

/// <summary>
/// The response cache of a route's LLM answers (opt-in, policy key <c>llmCache</c>): exact match on the normalised
/// request, partitioned by route and caller. See docs/llm.md, "Response cache".
/// </summary>
public sealed record LlmCacheConfig
{
    /// <summary>How long an answer is served from the cache, e.g. <c>10m</c>.</summary>
    public string Ttl { get; init; } = "5m";

    /// <summary><c>memory</c> (per gateway, bounded) or <c>redis</c> (shared by replicas; needs the <c>redis</c> connection string).</summary>
    public string Store { get; init; } = "memory";

    /// <summary>Memory store: most answers kept; the least recently used go first.</summary>
    public int MaxEntries { get; init; } = 1000;

    /// <summary>Memory store: most bytes of answers kept; the least recently used go first.</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest answer stored (bytes as the client receives them); larger ones are served but not cached.</summary>
    public long MaxEntryBytes { get; init; } = 1024L * 1024;
}
