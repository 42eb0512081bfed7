#pragma warning disable MCP9006 // Resumable streams (the SDK's event store) are how the gateway serves 2025-x clients (DESIGN.md §5).
using System.Net.ServerSentEvents;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Forwarding;

/// <summary>
/// The answer to a forwarded call. When the final message is the first one it is written as <c>application/json</c>
/// (the client accepts both; nothing else to send, nothing to resume). When a message comes first (progress) the
/// answer becomes an SSE stream, and with an event store every event is stored under the client's request id as the
/// SDK's own POST streams are, so a <c>Last-Event-ID</c> reconnection is replayed by the SDK's GET handler.
/// </summary>
internal sealed class ClientAnswer(HttpContext context, ISseEventStreamStore? store, string sessionId, JsonElement clientId) : IAsyncDisposable
{
    private ISseEventStreamWriter? _stored;
    private bool _sse;

    /// <summary>Whether anything was written (a later failure must then end the stream with a final message, never half of one).</summary>
    public bool Started => _sse || context.Response.HasStarted;

    /// <summary>A message before the final one: the answer becomes (or stays) an event stream.</summary>
    public async Task WriteEventAsync(byte[] message, CancellationToken cancellationToken)
    {
        if (!_sse)
        {
            await StartStreamAsync(cancellationToken);
        }

        await WriteStoredEventAsync(message, cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>The final message: the whole answer when nothing came before it.</summary>
    public async Task WriteFinalAsync(byte[] message, CancellationToken cancellationToken)
    {
        if (_sse)
        {
            await WriteStoredEventAsync(message, cancellationToken);
            return;
        }

        context.Response.ContentType = "application/json";
        context.Response.ContentLength = message.Length;
        await context.Response.Body.WriteAsync(message, cancellationToken);
    }

    private async Task StartStreamAsync(CancellationToken cancellationToken)
    {
        _sse = true;
        var headers = context.Response.Headers;
        headers.ContentType = "text/event-stream";
        headers.CacheControl = "no-cache,no-store";
        headers.ContentEncoding = "identity";
        headers["X-Accel-Buffering"] = "no";
        if (store is null)
        {
            return;
        }

        _stored = await store.CreateStreamAsync(new SseEventStreamOptions { SessionId = sessionId, StreamId = StreamIdOf(clientId) }, cancellationToken);
        var prime = await _stored.WriteEventAsync(new SseItem<JsonRpcMessage?>(null, "prime"), cancellationToken);
        await WriteRawEventAsync("prime", [], prime.EventId, cancellationToken);
    }

    private async Task WriteStoredEventAsync(byte[] message, CancellationToken cancellationToken)
    {
        string? eventId = null;
        if (_stored is not null)
        {
            // The store keeps messages, not bytes: this one decode is the price of resumability, paid only on streams.
            var parsed = JsonSerializer.Deserialize(message, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage))) as JsonRpcMessage;
            var item = await _stored.WriteEventAsync(new SseItem<JsonRpcMessage?>(parsed, SseParser.EventTypeDefault), cancellationToken);
            eventId = item.EventId;
        }

        await WriteRawEventAsync(SseParser.EventTypeDefault, message, eventId, cancellationToken);
    }

    private async Task WriteRawEventAsync(string type, byte[] data, string? eventId, CancellationToken cancellationToken)
    {
        // One data line: JSON-RPC messages are written without line breaks by every JSON writer we forward from, and
        // a message that has them is split into data lines (SSE joins them with '\n', which JSON reads as whitespace).
        var body = context.Response.Body;
        await body.WriteAsync(System.Text.Encoding.UTF8.GetBytes($"event: {type}\n"), cancellationToken);
        foreach (var line in Lines(data))
        {
            await body.WriteAsync("data: "u8.ToArray(), cancellationToken);
            await body.WriteAsync(line, cancellationToken);
            await body.WriteAsync("\n"u8.ToArray(), cancellationToken);
        }

        if (eventId is not null)
        {
            await body.WriteAsync(System.Text.Encoding.UTF8.GetBytes($"id: {eventId}\n"), cancellationToken);
        }

        await body.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }

    /// <summary>The stream's id in the event store: the client's request id, as the SDK names a POST's stream (built only for a stream).</summary>
    private static string StreamIdOf(JsonElement id) =>
        id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static List<ReadOnlyMemory<byte>> Lines(ReadOnlyMemory<byte> data)
    {
        var lines = new List<ReadOnlyMemory<byte>>(1);
        var span = data.Span;
        var start = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == (byte)'\n')
            {
                lines.Add(data[start..(i > start && span[i - 1] == (byte)'\r' ? i - 1 : i)]);
                start = i + 1;
            }
        }

        lines.Add(data[start..]);
        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stored is not null)
        {
            await _stored.DisposeAsync(); // the stream is complete: a replay ends after its last event
        }
    }
}
