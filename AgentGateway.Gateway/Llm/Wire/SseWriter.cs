using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AgentGateway.Llm.Wire;

/// <summary>Writes server-sent events whose data is built with a <see cref="Utf8JsonWriter"/>, flushing each one.</summary>
internal sealed class SseWriter(HttpResponse response)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public static void Start(HttpResponse response)
    {
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
    }

    public async Task WriteAsync(string? eventName, Action<Utf8JsonWriter> data, CancellationToken ct)
    {
        _buffer.ResetWrittenCount();
        if (eventName is not null)
        {
            _buffer.Write("event: "u8);
            _buffer.Write(System.Text.Encoding.UTF8.GetBytes(eventName));
            _buffer.Write("\n"u8);
        }

        _buffer.Write("data: "u8);
        using (var w = new Utf8JsonWriter(_buffer))
        {
            data(w);
        }

        _buffer.Write("\n\n"u8);
        await response.Body.WriteAsync(_buffer.WrittenMemory, ct);
        await response.Body.FlushAsync(ct);
    }

    public async Task WriteDoneAsync(CancellationToken ct)
    {
        await response.Body.WriteAsync("data: [DONE]\n\n"u8.ToArray(), ct);
        await response.Body.FlushAsync(ct);
    }
}
