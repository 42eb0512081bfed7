using System.Buffers;

namespace AgentGateway.A2A;

/// <summary>
/// Watches an SSE byte stream as it is copied through and hands each complete event's <c>data</c> to a callback.
/// The bytes themselves are forwarded untouched by the caller; this only observes them.
/// </summary>
internal sealed class SseTap(Action<ReadOnlySpan<byte>> onData)
{
    // Events bigger than this are not inspected (they are still forwarded); bounds memory per stream.
    private const int MaxEventBytes = 1 << 20;

    private readonly ArrayBufferWriter<byte> _line = new();
    private readonly ArrayBufferWriter<byte> _data = new();
    private bool _overflow;

    public void Feed(ReadOnlySpan<byte> chunk)
    {
        while (!chunk.IsEmpty)
        {
            var newline = chunk.IndexOf((byte)'\n');
            if (newline < 0)
            {
                Append(_line, chunk);
                return;
            }

            Append(_line, chunk[..newline]);
            chunk = chunk[(newline + 1)..];
            var line = _line.WrittenSpan;
            if (!line.IsEmpty && line[^1] == '\r')
            {
                line = line[..^1];
            }

            OnLine(line);
            _line.ResetWrittenCount();
        }
    }

    private void OnLine(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            if (_data.WrittenCount > 0 && !_overflow)
            {
                onData(_data.WrittenSpan);
            }

            _data.ResetWrittenCount();
            _overflow = false;
            return;
        }

        if (line.StartsWith("data:"u8))
        {
            var value = line[5..];
            if (!value.IsEmpty && value[0] == ' ')
            {
                value = value[1..];
            }

            if (_data.WrittenCount > 0)
            {
                Append(_data, "\n"u8);
            }

            Append(_data, value);
        }
    }

    private void Append(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes)
    {
        if (buffer.WrittenCount + bytes.Length > MaxEventBytes)
        {
            _overflow = true;
            return;
        }

        buffer.Write(bytes);
    }
}
