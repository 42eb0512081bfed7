namespace AgentGateway.Llm.Cache;

/// <summary>Where cached answers live. A store failure is a miss (get) or a skipped write (set), never a failed request.</summary>
internal interface IResponseStore
{
    ValueTask<CachedAnswer?> GetAsync(string key, CancellationToken cancellationToken);

    ValueTask SetAsync(string key, CachedAnswer answer, TimeSpan ttl, CancellationToken cancellationToken);
}
