using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Upstream;

/// <summary>
/// Progress from one upstream connection, delivered in the order the target sent it. The SDK client hands every
/// incoming message to its own task, so two progress notifications can reach notification handlers out of order (a
/// countdown's 3, 2, 1 was once forwarded as 3, 1, 2). The connection's transport instead shows each message here as
/// the SDK takes it from the transport, one at a time in arrival order (<see cref="ProgressOrderingTransport"/>), and
/// the calls waiting for progress registered their sinks here. It also means a call's last update is reported before
/// its result is handed over.
/// </summary>
internal sealed class UpstreamProgress
{
    private readonly ConcurrentDictionary<string, IProgress<ProgressNotificationValue>> _sinks = new(StringComparer.Ordinal);

    /// <summary>Sends progress for <paramref name="token"/> to <paramref name="sink"/> until the returned handle is disposed.</summary>
    public IDisposable Register(string token, IProgress<ProgressNotificationValue> sink)
    {
        _sinks[token] = sink;
        return new Registration(this, token);
    }

    /// <summary>Called for every message in arrival order; reports it when it is progress for a registered token.</summary>
    public void Observe(JsonRpcMessage message)
    {
        if (_sinks.IsEmpty || message is not JsonRpcNotification { Method: NotificationMethods.ProgressNotification, Params: { } parameters })
        {
            return;
        }

        try
        {
            if (parameters.Deserialize(McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ProgressNotificationParams))) is ProgressNotificationParams p
                && p.ProgressToken.ToString() is { } token && _sinks.TryGetValue(token, out var sink))
            {
                sink.Report(p.Progress);
            }
        }
        catch (JsonException)
        {
            // Malformed progress from the target: nothing to report (the SDK ignores it too).
        }
    }

    private sealed class Registration(UpstreamProgress owner, string token) : IDisposable
    {
        public void Dispose() => owner._sinks.TryRemove(token, out _);
    }
}
