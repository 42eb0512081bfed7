using System.Collections.Concurrent;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Upstream;

/// <summary>
/// One target connection's lists (tools, prompts, resources, templates), each loaded once and shared by every request
/// until the target says it changed (<c>notifications/*/list_changed</c>), the connection is replaced, or the TTL
/// runs out (for targets that never send list changes). What is cached is the caller's choice (the federation keeps
/// its renamed items); loads are single-flight, so a burst of requests on a cold cache makes one upstream call.
/// </summary>
internal sealed class UpstreamListCache(TimeSpan ttl, TimeProvider time)
{
    /// <summary>How long one load may take; a hung upstream must not pin an entry every request waits on.</summary>
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// The cached value of <paramref name="method"/> for <paramref name="target"/> (the connection's current upstream),
    /// loading it when missing, stale, for an earlier connection or failed. The load is not the caller's: one caller
    /// giving up does not cancel it for the others.
    /// </summary>
    public Task<T> GetAsync<T>(string method, IUpstreamTarget target, Func<IUpstreamTarget, CancellationToken, Task<T>> load)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            _entries.TryGetValue(method, out var existing);
            if (existing is not null && ReferenceEquals(existing.Target, target) && existing.ExpiresAt > now && !existing.Load.IsFaulted && !existing.Load.IsCanceled)
            {
                return (Task<T>)existing.Load;
            }

            var start = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            var fresh = new Entry(target, now + ttl, start.Task);
            if (existing is null ? !_entries.TryAdd(method, fresh) : !_entries.TryUpdate(method, fresh, existing))
            {
                continue; // another request started a load first: share it
            }

            _ = RunAsync(method, fresh, start, load);
            return start.Task;
        }
    }

    private async Task RunAsync<T>(string method, Entry entry, TaskCompletionSource<T> result, Func<IUpstreamTarget, CancellationToken, Task<T>> load)
    {
        using var timeout = new CancellationTokenSource(LoadTimeout);
        try
        {
            result.TrySetResult(await load(entry.Target, timeout.Token));
        }
        catch (Exception ex)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(method, entry)); // the next request tries again
            result.TrySetException(ex);
        }
    }

    /// <summary>
    /// Forgets the lists a <c>list_changed</c> notification names, before it is forwarded, so a client that lists in
    /// answer sees the new list. A load already running finishes for those waiting on it but is not kept.
    /// </summary>
    public void OnListChanged(string notificationMethod)
    {
        switch (notificationMethod)
        {
            case NotificationMethods.ToolListChangedNotification:
                _entries.TryRemove(RequestMethods.ToolsList, out _);
                break;
            case NotificationMethods.PromptListChangedNotification:
                _entries.TryRemove(RequestMethods.PromptsList, out _);
                break;
            case NotificationMethods.ResourceListChangedNotification:
                _entries.TryRemove(RequestMethods.ResourcesList, out _);
                _entries.TryRemove(RequestMethods.ResourcesTemplatesList, out _);
                break;
        }
    }

    /// <summary>A class, not a record: entries are swapped and removed by identity.</summary>
    private sealed class Entry(IUpstreamTarget target, DateTimeOffset expiresAt, Task load)
    {
        public IUpstreamTarget Target { get; } = target;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public Task Load { get; } = load;
    }
}
