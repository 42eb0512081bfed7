namespace AgentGateway.Traffic;

/// <summary>
/// The cancellation behind a request's timeouts: the total request timeout until a stream starts, then
/// the idle timeout, re-armed on every write. Linked to the client's own abort.
/// </summary>
internal sealed class RequestDeadline : IDisposable
{
    private readonly CancellationTokenSource _timer = new();
    private readonly CancellationTokenSource _linked;
    private readonly TimeSpan? _idle;
    private volatile bool _streaming;

    public RequestDeadline(TimeSpan? request, TimeSpan? idle, CancellationToken clientAborted)
    {
        _idle = idle;
        _linked = CancellationTokenSource.CreateLinkedTokenSource(clientAborted, _timer.Token);
        if (request is { } total)
        {
            _timer.CancelAfter(total);
        }
    }

    public CancellationToken Token => _linked.Token;

    public bool Expired => _timer.IsCancellationRequested;

    /// <summary>Which timeout fired (for the error message and logs).</summary>
    public string Reason => _streaming ? "idle" : "request";

    /// <summary>The response turned out to be a stream: from now on only silence longer than the idle timeout cuts it.</summary>
    public void SwitchToIdle()
    {
        if (_streaming || _timer.IsCancellationRequested)
        {
            return;
        }

        _streaming = true;
        Rearm();
    }

    /// <summary>Data flowed on a stream: restart the idle countdown.</summary>
    public void Activity()
    {
        if (_streaming)
        {
            Rearm();
        }
    }

    private void Rearm()
    {
        try
        {
            // CancelAfter on a not-yet-cancelled source replaces the pending due time.
            _timer.CancelAfter(_idle ?? Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The request finished while a late write raced in.
        }
    }

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
