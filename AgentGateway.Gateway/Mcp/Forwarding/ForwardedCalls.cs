using System.Collections.Concurrent;
using System.Text.Json;

namespace AgentGateway.Mcp.Forwarding;

/// <summary>
/// The forwarded calls in flight on this replica, by session and the client's request id, so that the client's
/// <c>notifications/cancelled</c> (its own POST, which the SDK would otherwise receive and not recognise) reaches
/// the call it names.
/// </summary>
internal sealed class ForwardedCalls
{
    private readonly ConcurrentDictionary<(string Session, string Id), CancellationTokenSource> _calls = new();

    /// <summary>Whether the session has a forwarded call in flight here (only then is a notification worth reading).</summary>
    public bool Any(string sessionId) => !_calls.IsEmpty && _calls.Keys.Any(k => k.Session == sessionId);

    /// <summary>Registers a call until the returned scope is disposed; its token fires when the client cancels it.</summary>
    public Registration Add(string sessionId, JsonElement clientId, CancellationTokenSource cancel)
    {
        var key = (sessionId, Key(clientId));
        _calls[key] = cancel;
        return new Registration(this, key, cancel);
    }

    /// <summary>Cancels the call a client's <c>notifications/cancelled</c> names; false when it is not a forwarded call here.</summary>
    public bool TryCancel(string sessionId, JsonElement requestId)
    {
        if (!_calls.TryGetValue((sessionId, Key(requestId)), out var cancel))
        {
            return false;
        }

        try
        {
            cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the call ended meanwhile
        }

        return true;
    }

    // "1" and 1 are different ids: the kind is part of the key.
    private static string Key(JsonElement id) => id.ValueKind switch
    {
        JsonValueKind.String => "s:" + id.GetString(),
        JsonValueKind.Number when id.TryGetInt64(out var n) => "n:" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "?",
    };

    internal readonly struct Registration(ForwardedCalls owner, (string, string) key, CancellationTokenSource cancel) : IDisposable
    {
        public void Dispose() => owner._calls.TryRemove(new KeyValuePair<(string, string), CancellationTokenSource>(key, cancel));
    }
}
