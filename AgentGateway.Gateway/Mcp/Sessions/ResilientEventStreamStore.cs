#pragma warning disable MCP9006 // Resumable Streamable HTTP streams are the SDK's stateful-mode feature, which the gateway uses on purpose.
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using StackExchange.Redis;

namespace AgentGateway.Mcp.Sessions;

/// <summary>
/// Keeps MCP streams flowing when the event store (Redis) fails: the SDK writes every SSE event to the store before
/// sending it, so a store error would otherwise fail the tool call itself. On failure the event is sent without an
/// id (the stream just is not resumable for that part) and the outage is logged once.
/// </summary>
internal sealed class ResilientEventStreamStore(ISseEventStreamStore inner, ILogger logger) : ISseEventStreamStore
{
    private int _outageLogged;

    public async ValueTask<ISseEventStreamWriter> CreateStreamAsync(SseEventStreamOptions options, CancellationToken cancellationToken)
    {
        var writer = await GuardAsync(async () => await inner.CreateStreamAsync(options, cancellationToken));
        return new Writer(this, writer);
    }

    public async ValueTask<ISseEventStreamReader?> GetStreamReaderAsync(string lastEventId, CancellationToken cancellationToken)
    {
        var reader = await GuardAsync(async () => await inner.GetStreamReaderAsync(lastEventId, cancellationToken));
        return reader is null ? null : new Reader(this, reader);
    }

    /// <summary>The call's result, or default when the store is unreachable.</summary>
    private async Task<T?> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            var result = await call();
            Interlocked.Exchange(ref _outageLogged, 0);
            return result;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            if (Interlocked.Exchange(ref _outageLogged, 1) == 0)
            {
                Log.EventStoreUnavailable(logger, ex.Message);
            }

            return default;
        }
    }

    private sealed class Writer(ResilientEventStreamStore store, ISseEventStreamWriter? inner) : ISseEventStreamWriter
    {
        public async ValueTask SetModeAsync(SseEventStreamMode mode, CancellationToken cancellationToken)
        {
            if (inner is not null)
            {
                await store.GuardAsync(async () => { await inner.SetModeAsync(mode, cancellationToken); return true; });
            }
        }

        public async ValueTask<SseItem<JsonRpcMessage?>> WriteEventAsync(SseItem<JsonRpcMessage?> sseItem, CancellationToken cancellationToken)
        {
            if (inner is null)
            {
                return sseItem;
            }

            var (stored, item) = await store.GuardAsync(async () => (true, await inner.WriteEventAsync(sseItem, cancellationToken)));
            return stored ? item : sseItem;
        }

        public async ValueTask DisposeAsync()
        {
            if (inner is not null)
            {
                await store.GuardAsync(async () => { await inner.DisposeAsync(); return true; });
            }
        }
    }

    private sealed class Reader(ResilientEventStreamStore store, ISseEventStreamReader inner) : ISseEventStreamReader
    {
        public string SessionId => inner.SessionId;

        public string StreamId => inner.StreamId;

        /// <summary>Ends the replay quietly when the store goes away mid-read (the client reconnects later).</summary>
        public async IAsyncEnumerable<SseItem<JsonRpcMessage?>> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await using var events = inner.ReadEventsAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (await store.GuardAsync(async () => await events.MoveNextAsync()))
            {
                yield return events.Current;
            }
        }
    }
}
