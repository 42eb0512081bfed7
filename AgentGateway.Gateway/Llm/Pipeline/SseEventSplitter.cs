namespace AgentGateway.Llm.Pipeline;

/// <summary>
/// Cuts a byte stream into whole server-sent events, so passthrough forwards only complete events (a mid-stream
/// failure can then append a well-formed error event) and the usage sniffer sees each event's data.
/// </summary>
internal sealed class SseEventSplitter
{
    private byte[] _pending = new byte[16 * 1024];
    private int _length;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _length + bytes.Length));
        }

        bytes.CopyTo(_pending.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Length of the prefix made of complete events (ending in a blank line).</summary>
    public int CompleteLength()
    {
        var span = _pending.AsSpan(0, _length);
        var lf = span.LastIndexOf("\n\n"u8);
        var crlf = span.LastIndexOf("\r\n\r\n"u8);
        return Math.Max(lf < 0 ? 0 : lf + 2, crlf < 0 ? 0 : crlf + 4);
    }

    public ReadOnlyMemory<byte> Pending => _pending.AsMemory(0, _length);

    /// <summary>Drops the first <paramref name="count"/> bytes (already forwarded).</summary>
    public void Consume(int count)
    {
        _pending.AsSpan(count, _length - count).CopyTo(_pending);
        _length -= count;
    }

    /// <summary>Calls <paramref name="onData"/> with the data payload of every event in the span.</summary>
    public static void ForEachData(ReadOnlySpan<byte> events, Action<ReadOnlySpan<byte>> onData)
    {
        while (!events.IsEmpty)
        {
            var nl = events.IndexOf((byte)'\n');
            var line = nl < 0 ? events : events[..nl];
            events = nl < 0 ? default : events[(nl + 1)..];
            if (line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }

            if (line.StartsWith("data:"u8))
            {
                var data = line[5..];
                if (data.StartsWith(" "u8))
                {
                    data = data[1..];
                }

                onData(data);
            }
        }
    }
}
