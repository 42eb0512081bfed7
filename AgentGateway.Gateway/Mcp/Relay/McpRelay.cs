using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentGateway.Redis;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using StackExchange.Redis;

namespace AgentGateway.Mcp.Relay;

/// <summary>
/// Gets server-to-client traffic to the right replica when replicas share sessions behind a load balancer without
/// stickiness (DESIGN.md §5, scale-out):
/// <list type="bullet">
/// <item>Requests the gateway sends a client (sampling, elicitation, roots) get ids that name this replica
/// (<c>agw-{replica}-{n}</c>), and the gateway keeps their pending state itself. The client's answer may be POSTed to
/// any replica: that replica hands it to the owner over the owner's Redis channel.</item>
/// <item>Messages that belong on a session's standalone GET stream go to whichever replica holds that stream, over
/// the session's stream channel (subscribed only while the stream is open).</item>
/// </list>
/// Without Redis (one replica) everything stays local. Ids are unique across replicas, so two replicas serving one
/// session never hand the client two requests with the same id.
/// </summary>
internal sealed class McpRelay(RedisConnection redis, ILogger<McpRelay> logger) : IAsyncDisposable
{
    private const string ChannelPrefix = "agentgateway:mcp:relay:";
    private const string IdPrefix = "agw-";

    private readonly ConcurrentDictionary<string, PendingRequest> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StreamRegistration> _streams = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _subscribing = new(1, 1);
    private volatile bool _replicaChannelSubscribed;
    private long _lastId;

    /// <summary>A random id of this process, in every request id it issues.</summary>
    public string ReplicaId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>
    /// Sends <paramref name="method"/> to the session's client through <paramref name="send"/> and waits for the
    /// answer, wherever it is POSTed. Cancellation tells the client with <c>notifications/cancelled</c>.
    /// </summary>
    public async Task<JsonNode?> SendRequestAsync(string sessionId, string method, JsonNode? parameters,
        Func<JsonRpcMessage, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        await EnsureReplicaChannelAsync();
        var id = new RequestId($"{IdPrefix}{ReplicaId}-{Interlocked.Increment(ref _lastId)}");
        var pending = new PendingRequest(sessionId, new TaskCompletionSource<JsonRpcMessage>(TaskCreationOptions.RunContinuationsAsynchronously));
        _pending[id.ToString()] = pending;
        try
        {
            await send(new JsonRpcRequest { Id = id, Method = method, Params = parameters }, cancellationToken);
            var answer = await pending.Reply.Task.WaitAsync(cancellationToken);
            return answer switch
            {
                JsonRpcResponse response => response.Result,
                JsonRpcError error => throw new McpProtocolException(error.Error.Message, (McpErrorCode)error.Error.Code),
                _ => throw new McpException("Unexpected answer from the client"),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await TellCancelledAsync(id, send);
            throw;
        }
        finally
        {
            _pending.TryRemove(id.ToString(), out _);
        }
    }

    /// <summary>
    /// Takes a client's answer to one of the gateway's requests (true), delivering it here or to the replica that
    /// sent the request. False for answers to anything else (left to the SDK).
    /// </summary>
    public async ValueTask<bool> TryRouteAnswerAsync(string sessionId, JsonRpcMessageWithId answer)
    {
        if (OwnerOf(answer.Id) is not { } owner)
        {
            return false;
        }

        if (owner == ReplicaId)
        {
            Complete(sessionId, answer);
            return true;
        }

        if (!await PublishAsync(RedisChannel.Literal(ChannelPrefix + "replica:" + owner), sessionId, answer))
        {
            Log.RelayUndelivered(logger, "answer", sessionId); // the replica that asked is gone, and its request with it
        }

        return true;
    }

    /// <summary>
    /// Delivers a message for the session's standalone stream: here if this replica holds it, else to the replica
    /// that does; with no stream open anywhere, <paramref name="fallback"/> (the SDK's own transport) gets it.
    /// </summary>
    public async Task SendToStreamAsync(string sessionId, JsonRpcMessage message, Func<JsonRpcMessage, Task> fallback)
    {
        if (_streams.TryGetValue(sessionId, out var local))
        {
            await local.Deliver(message);
            return;
        }

        if (!await PublishAsync(StreamChannel(sessionId), sessionId, message))
        {
            await fallback(message);
        }
    }

    /// <summary>Marks the session's standalone GET stream as held by this replica until the returned handle is disposed.</summary>
    public async Task<IAsyncDisposable> OpenStreamAsync(string sessionId, Func<JsonRpcMessage, Task> deliver)
    {
        var registration = new StreamRegistration(this, sessionId, deliver);
        _streams[sessionId] = registration;
        if (redis.Multiplexer is { } mux)
        {
            try
            {
                // A message queue, not a handler: the queue hands messages over one at a time in the order they were
                // published, so progress and other notifications reach the client in the upstream's order.
                var queue = await mux.GetSubscriber().SubscribeAsync(StreamChannel(sessionId));
                registration.Listen(queue);
            }
            catch (RedisException ex)
            {
                Log.RelayUnavailable(logger, ex.Message); // this replica's own messages still reach the stream
            }
        }

        return registration;
    }

    private async Task CloseStreamAsync(StreamRegistration registration)
    {
        _streams.TryRemove(new KeyValuePair<string, StreamRegistration>(registration.SessionId, registration));
        if (redis.Multiplexer is { } mux)
        {
            try
            {
                await registration.StopListeningAsync();
            }
            catch (RedisException)
            {
                // Redis is down; its subscriptions went with the connection
            }
        }
    }

    private void Complete(string sessionId, JsonRpcMessageWithId answer)
    {
        // Only the session the request went to may answer it.
        if (_pending.TryGetValue(answer.Id.ToString(), out var pending) && pending.SessionId == sessionId)
        {
            pending.Reply.TrySetResult(answer);
        }
    }

    private static string? OwnerOf(RequestId id)
    {
        if (id.Id is not string text || !text.StartsWith(IdPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var dash = text.IndexOf('-', IdPrefix.Length);
        return dash > IdPrefix.Length ? text[IdPrefix.Length..dash] : null;
    }

    private async Task EnsureReplicaChannelAsync()
    {
        if (_replicaChannelSubscribed || redis.Multiplexer is not { } mux)
        {
            return;
        }

        await _subscribing.WaitAsync();
        try
        {
            if (!_replicaChannelSubscribed)
            {
                // StackExchange.Redis restores subscriptions by itself after a reconnect.
                await mux.GetSubscriber().SubscribeAsync(RedisChannel.Literal(ChannelPrefix + "replica:" + ReplicaId), OnAnswerRelayed);
                _replicaChannelSubscribed = true;
            }
        }
        catch (RedisException ex)
        {
            Log.RelayUnavailable(logger, ex.Message); // answers POSTed to this replica still arrive; retried on the next request
        }
        finally
        {
            _subscribing.Release();
        }
    }

    private void OnAnswerRelayed(RedisChannel channel, RedisValue value)
    {
        if (RelayEnvelope.TryRead((byte[])value!, out var sessionId, out var message) && message is JsonRpcMessageWithId answer)
        {
            Complete(sessionId, answer);
        }
    }

    /// <summary>True when some replica received the message.</summary>
    private async Task<bool> PublishAsync(RedisChannel channel, string sessionId, JsonRpcMessage message)
    {
        if (redis.Multiplexer is not { } mux)
        {
            return false;
        }

        try
        {
            return await mux.GetSubscriber().PublishAsync(channel, RelayEnvelope.Write(sessionId, message)) > 0;
        }
        catch (RedisException ex)
        {
            Log.RelayUnavailable(logger, ex.Message);
            return false;
        }
    }

    private async Task TellCancelledAsync(RequestId id, Func<JsonRpcMessage, CancellationToken, Task> send)
    {
        try
        {
            var cancelled = new CancelledNotificationParams { RequestId = id, Reason = "The upstream server cancelled the request" };
            await send(new JsonRpcNotification
            {
                Method = NotificationMethods.CancelledNotification,
                Params = JsonSerializer.SerializeToNode(cancelled, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CancelledNotificationParams))),
            }, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException or McpException)
        {
            Log.RelayUndelivered(logger, "cancellation", "");
        }
    }

    private static RedisChannel StreamChannel(string sessionId) => RedisChannel.Literal(ChannelPrefix + "stream:" + sessionId);

    public ValueTask DisposeAsync()
    {
        foreach (var pending in _pending.Values)
        {
            pending.Reply.TrySetCanceled();
        }

        _subscribing.Dispose();
        return default;
    }

    private sealed record PendingRequest(string SessionId, TaskCompletionSource<JsonRpcMessage> Reply);

    private sealed class StreamRegistration(McpRelay relay, string sessionId, Func<JsonRpcMessage, Task> deliver) : IAsyncDisposable
    {
        public string SessionId => sessionId;

        public Func<JsonRpcMessage, Task> Deliver => deliver;

        private ChannelMessageQueue? _queue;

        public void Listen(ChannelMessageQueue queue)
        {
            _queue = queue;
            queue.OnMessage(OnRelayedAsync);
        }

        public async Task StopListeningAsync()
        {
            if (_queue is { } queue)
            {
                await queue.UnsubscribeAsync();
            }
        }

        private async Task OnRelayedAsync(ChannelMessage relayed)
        {
            // Awaited, so the next message waits for this one: delivery keeps the order of publication.
            if (RelayEnvelope.TryRead((byte[])relayed.Message!, out var session, out var message) && session == sessionId)
            {
                await DeliverAsync(message);
            }
        }

        private async Task DeliverAsync(JsonRpcMessage message)
        {
            try
            {
                await deliver(message);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException or OperationCanceledException or McpException)
            {
                Log.RelayUndelivered(relay.Logger, "stream message", sessionId);
            }
        }

        public async ValueTask DisposeAsync() => await relay.CloseStreamAsync(this);
    }

    private ILogger Logger => logger;
}
