using System.Collections.Concurrent;

namespace AgentGateway.Traffic;

/// <summary>
/// In-process counters. Written by hand rather than with System.Threading.RateLimiting because token
/// budgets must settle (add the difference between estimate and actual use) and give back reservations,
/// and replicas must share window boundaries with the Redis store — which its limiters do not offer.
/// </summary>
internal sealed class LocalRateLimitStore(TimeProvider time) : IRateLimitStore
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private long _nextSweep;

    public ValueTask<RateLimitCount> AddAsync(RateLimitWindowKey key, long amount, long limit, bool force, CancellationToken cancellationToken)
    {
        SweepExpired();
        var counter = _counters.GetOrAdd(key.Key, _ => new Counter(key.ResetAt));
        lock (counter)
        {
            if (amount == 0)
            {
                return ValueTask.FromResult(new RateLimitCount(counter.Value < limit, counter.Value));
            }

            if (!force && amount > 0 && counter.Value + amount > limit)
            {
                return ValueTask.FromResult(new RateLimitCount(false, counter.Value));
            }

            counter.Value += amount;
            return ValueTask.FromResult(new RateLimitCount(true, counter.Value));
        }
    }

    private void SweepExpired()
    {
        var now = time.GetUtcNow();
        var next = Interlocked.Read(ref _nextSweep);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextSweep, now.AddSeconds(10).UtcTicks, next) != next)
        {
            return;
        }

        foreach (var (key, counter) in _counters)
        {
            // Keep a finished window a little longer: a token lease may still settle into it.
            if (counter.ResetAt.AddMinutes(5) < now)
            {
                _counters.TryRemove(key, out _);
            }
        }
    }

    private sealed class Counter(DateTimeOffset resetAt)
    {
        public DateTimeOffset ResetAt { get; } = resetAt;

        public long Value { get; set; }
    }
}
