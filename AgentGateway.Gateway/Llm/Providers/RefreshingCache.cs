namespace AgentGateway.Llm.Providers;

/// <summary>
/// One cached credential (AWS keys, an Entra token) that is fetched again shortly before it expires. Single-flight:
/// while one fetch runs, concurrent callers wait for it instead of starting their own; a caller that gives up
/// (cancellation) does not cancel the fetch the others wait for.
/// </summary>
/// <param name="refreshAt">When a value fetched at the given time must be replaced; null = never.</param>
internal sealed class RefreshingCache<T>(Func<CancellationToken, Task<T>> fetch, Func<T, DateTimeOffset, DateTimeOffset?> refreshAt, TimeProvider time)
    where T : class
{
    private readonly Lock _lock = new();
    private (T Value, DateTimeOffset? RefreshAt)? _current;
    private Task<T>? _pending;

    public async ValueTask<T> GetAsync(CancellationToken cancellationToken)
    {
        Task<T> task;
        lock (_lock)
        {
            if (_current is { } current && (current.RefreshAt is not { } at || at > time.GetUtcNow()))
            {
                return current.Value;
            }

            task = _pending ??= FetchAsync();
        }

        return await task.WaitAsync(cancellationToken);
    }

    private async Task<T> FetchAsync()
    {
        // Always complete asynchronously, so _pending is assigned before the finally below clears it.
        await Task.Yield();
        try
        {
            var value = await fetch(CancellationToken.None);
            lock (_lock)
            {
                _current = (value, refreshAt(value, time.GetUtcNow()));
            }

            return value;
        }
        finally
        {
            lock (_lock)
            {
                _pending = null;
            }
        }
    }
}
