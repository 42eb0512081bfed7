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
    private readonly Lock _lock = new();
    private Task _last = Task.CompletedTask;

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
    }

    private async Task SendAsync(ProgressNotificationValue value)
    {
        try
        {
            await server.NotifyProgressAsync(token, value);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException or McpException)
        {
            // The client went away; progress is best effort.
        }
    }
}
