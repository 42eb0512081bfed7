using System.Collections.Concurrent;

namespace AgentGateway.Llm.Providers;

/// <summary>
/// Remembers providers that answered with Retry-After, so failover skips them until then. Lives for the process
/// (not per config snapshot): a reload must not forget that a provider asked us to back off.
/// </summary>
internal sealed class ProviderHealth(TimeProvider time)
{
    /// <summary>The clock of the process (credential caches use it too).</summary>
    public TimeProvider Time => time;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _coolDownUntil = new(StringComparer.Ordinal);

    public void CoolDown(string key, TimeSpan delay)
    {
        var until = time.GetUtcNow() + delay;
        _coolDownUntil.AddOrUpdate(key, until, (_, old) => old > until ? old : until);
    }

    public bool IsCoolingDown(string key, out DateTimeOffset until)
    {
        if (_coolDownUntil.TryGetValue(key, out until))
        {
            if (until > time.GetUtcNow())
            {
                return true;
            }

            _coolDownUntil.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, until));
        }

        return false;
    }
}
