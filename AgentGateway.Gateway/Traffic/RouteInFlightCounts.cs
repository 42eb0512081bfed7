using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace AgentGateway.Traffic;

/// <summary>
/// The requests in flight per route on this replica, for <c>limits.maxConcurrentRequests</c>. One set for the process, not
/// per middleware instance: each route runs a pipeline of its own, and a reload that changes a route's other policies
/// gives it another pipeline while its requests already in flight still count.
/// </summary>
internal sealed class RouteInFlightCounts
{
    // Per route name: a reload that keeps the route keeps counting the requests already in flight.
    private readonly ConcurrentDictionary<string, StrongBox<int>> _inFlight = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The route's counter (incremented and decremented with <see cref="Interlocked"/>).</summary>
    public StrongBox<int> For(string route) => _inFlight.GetOrAdd(route, static _ => new StrongBox<int>());
}
