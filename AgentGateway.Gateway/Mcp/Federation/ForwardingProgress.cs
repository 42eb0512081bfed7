using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// Relays upstream progress to the client under the client's own progress token (the SDK client gave the
/// upstream a token of ours). Notifications are chained so they arrive in order.
/// </summary>
internal sealed class ForwardingProgress(McpServer server, ProgressToken token) : IProgress<ProgressNotificationValue>
{
    /// <summary>
    /// How long the result waits after the last update went out. Clients such as the C# SDK handle each incoming
    /// message on its own task and stop listening for a request's progress once its result is handled, so an update
    /// written just before the result can lose that race and be dropped (a target's last step usually is). Only a
    /// call whose last update is that recent waits, and only for the rest of this time.
    /// </summary>
    internal static readonly TimeSpan ClientHandlingGrace = TimeSpan.FromMilliseconds(50);

    private readonly Lock _lock = new();
    private Task _last = Task.CompletedTask;
    private long _lastSentAt;

    public void Report(ProgressNotificationValue value)
    {
        lock (_lock)
        {
            _last = _last.ContinueWith(_ => SendAsync(value), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>Waits until every update reported so far reached the client (before the result closes its stream).</summary>
    public async Task FlushAsync()
    {
        Task last;
        lock (_lock)
        {
            last = _last;
        }

        await last;
        var sentAt = Interlocked.Read(ref _lastSentAt);
        if (sentAt != 0 && ClientHandlingGrace - System.Diagnostics.Stopwatch.GetElapsedTime(sentAt) is { Ticks: > 0 } rest)
        {
            await Task.Delay(rest);
        }
    }

    private async Task SendAsync(ProgressNotificationValue value)
    {
        try
        {
            await server.NotifyProgressAsync(token, value);
            Interlocked.Exchange(ref _lastSentAt, System.Diagnostics.Stopwatch.GetTimestamp());
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException or McpException)
        {
            // The client went away; progress is best effort.
        }
    }
}
