namespace AgentGateway.Traffic;

/// <summary>
/// A reservation of an estimate in one or more token windows. Settling adds the difference between actual
/// and estimate to the same windows the estimate went into (even if a new window began meanwhile).
/// </summary>
internal sealed class TokenLease(RateLimiter limiter, IReadOnlyList<TokenReservation> reservations, long estimate, bool acquired) : ITokenLease
{
    private int _done;

    public bool IsAcquired { get; } = acquired;

    public async ValueTask SettleAsync(long actual, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _done, 1) == 1)
        {
            return;
        }

        var delta = Math.Max(0, actual) - estimate;
        if (delta == 0)
        {
            return;
        }

        foreach (var r in reservations)
        {
            await limiter.AddAsync(r.Rule, r.Key, r.Limit, delta, force: true, cancellationToken);
        }
    }

    public void Release()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1 || estimate == 0)
        {
            return;
        }

        foreach (var r in reservations)
        {
            // Fire and forget: releasing must not delay the error response; failures are logged by the limiter.
            _ = limiter.AddAsync(r.Rule, r.Key, r.Limit, -estimate, force: true, CancellationToken.None).AsTask();
        }
    }
}
