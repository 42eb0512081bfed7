using System.Collections.Concurrent;

namespace AgentGateway.Http;

/// <summary>
/// Round-robin over a backend's destinations with passive health: a destination whose request failed at
/// the transport level is skipped until its reactivation time (unless every destination is down).
/// </summary>
internal sealed class HttpDestinationPicker(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, int> _cursor = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _downUntil = new(StringComparer.Ordinal);

    public string Pick(string backend, IReadOnlyList<string> destinations)
    {
        var start = _cursor.AddOrUpdate(backend, 0, (_, i) => unchecked(i + 1));
        var now = time.GetUtcNow();
        for (var i = 0; i < destinations.Count; i++)
        {
            var candidate = destinations[(int)((uint)(start + i) % (uint)destinations.Count)];
            if (!_downUntil.TryGetValue(candidate, out var until) || until <= now)
            {
                return candidate;
            }
        }

        return destinations[(int)((uint)start % (uint)destinations.Count)];
    }

    /// <summary>Until when a destination is skipped after a failure; null when it is in rotation (the admin UI's health).</summary>
    public DateTimeOffset? DownUntil(string destination) =>
        _downUntil.TryGetValue(destination, out var until) && until > time.GetUtcNow() ? until : null;

    public void ReportFailure(string destination, TimeSpan reactivation) =>
        _downUntil[destination] = time.GetUtcNow() + reactivation;
}
