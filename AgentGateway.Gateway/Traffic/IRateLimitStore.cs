namespace AgentGateway.Traffic;

/// <summary>
/// Fixed-window counters shared by the request and token limits. Windows are aligned to the Unix epoch,
/// so every replica agrees on when a window starts and resets.
/// </summary>
internal interface IRateLimitStore
{
    /// <summary>
    /// Adds <paramref name="amount"/> to the counter if that keeps it within <paramref name="limit"/> (or always,
    /// with <paramref name="force"/>; negative amounts give back). Amount 0 only reads: admitted while under the limit.
    /// </summary>
    ValueTask<RateLimitCount> AddAsync(RateLimitWindowKey key, long amount, long limit, bool force, CancellationToken cancellationToken);
}

/// <summary>A counter in one window: its key and when the window ends.</summary>
internal sealed record RateLimitWindowKey(string Key, DateTimeOffset ResetAt);

/// <summary>Outcome of a counter update: whether it was admitted and the counter's value afterwards.</summary>
internal readonly record struct RateLimitCount(bool Admitted, long Count);
