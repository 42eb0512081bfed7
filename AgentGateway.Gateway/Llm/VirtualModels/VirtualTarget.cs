using AgentGateway.Llm.Providers;

namespace AgentGateway.Llm.VirtualModels;

/// <summary>
/// One target of a virtual model and what the strategies learn about it: requests in flight, the EWMA of its time to
/// first token, and consecutive failures for outlier ejection. Shared by all requests of one backend runtime.
/// </summary>
internal sealed class VirtualTarget(VirtualModel owner, LlmProvider provider, string model, int weight)
{
    // Weight of the newest sample: about the last five answers dominate, so a provider that turns slow loses its
    // traffic within a few calls while one slow answer among fast ones does not.
    private const double Alpha = 0.3;

    private readonly Lock _lock = new();
    private int _inflight;
    private int _failures;
    private long _ejectedUntil;
    private double? _latencyMs;
    private long _lastSample;

    public VirtualModel Owner { get; } = owner;

    public LlmProvider Provider { get; } = provider;

    public string Model { get; } = model;

    public int Weight { get; } = weight;

    /// <summary>The smooth weighted round-robin's running weight; read and written only under the selector's lock.</summary>
    public long CurrentWeight { get; set; }

    public int Inflight => Volatile.Read(ref _inflight);

    /// <summary>EWMA of the time to first token in milliseconds; null until the first success.</summary>
    public double? LatencyMs
    {
        get
        {
            lock (_lock)
            {
                return _latencyMs;
            }
        }
    }

    /// <summary>When the latest latency sample was taken (a <see cref="TimeProvider"/> timestamp; 0 = never).</summary>
    public long LastSample => Interlocked.Read(ref _lastSample);

    public bool IsEjected(long now) => Interlocked.Read(ref _ejectedUntil) > now;

    public void Enter() => Interlocked.Increment(ref _inflight);

    public void Leave() => Interlocked.Decrement(ref _inflight);

    public void Succeeded(TimeSpan latency, long now)
    {
        Interlocked.Exchange(ref _failures, 0);
        Interlocked.Exchange(ref _ejectedUntil, 0); // it answered: back in rotation even if tried as a last resort
        lock (_lock)
        {
            var ms = latency.TotalMilliseconds;
            _latencyMs = _latencyMs is { } old ? old + (Alpha * (ms - old)) : ms;
        }

        Interlocked.Exchange(ref _lastSample, now);
    }

    /// <summary>Counts a failure; true when it ejects the target (until <paramref name="until"/>).</summary>
    public bool Failed(int threshold, long until)
    {
        if (threshold <= 0 || Interlocked.Increment(ref _failures) < threshold)
        {
            return false;
        }

        Interlocked.Exchange(ref _failures, 0);
        Interlocked.Exchange(ref _ejectedUntil, until);
        return true;
    }
}
