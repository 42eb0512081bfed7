using System.Collections.Concurrent;

namespace AgentGateway.Samples.ConformanceMcp.Resources;

/// <summary>
/// The current text of test://watched-resource and which sessions subscribed to which URIs.
/// Keyed by session id (not by server object): the SDK hands handlers a per-request server wrapper.
/// </summary>
internal sealed class WatchedResourceState
{
    public const string Uri = "test://watched-resource";

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _subscriptions = new();
    private volatile string _text = "Watched resource content, version 1.";

    public string Text => _text;

    public void Update(string text) => _text = text;

    public void Subscribe(string sessionId, string uri) =>
        _subscriptions.GetOrAdd(sessionId, _ => new()).TryAdd(uri, 0);

    public void Unsubscribe(string sessionId, string uri)
    {
        if (_subscriptions.TryGetValue(sessionId, out var uris))
        {
            uris.TryRemove(uri, out _);
        }
    }

    public bool IsSubscribed(string? sessionId, string uri) =>
        sessionId is not null && _subscriptions.TryGetValue(sessionId, out var uris) && uris.ContainsKey(uri);
}
