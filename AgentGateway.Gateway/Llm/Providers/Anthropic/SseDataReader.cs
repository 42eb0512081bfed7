using System.Buffers;

namespace AgentGateway.Llm.Providers.Anthropic;

/// <summary>
/// Reads server-sent events from a byte stream and exposes each event's data (its <c>data:</c> lines joined with
/// line feeds) as UTF-8 bytes, without decoding lines to strings. Event names, ids and comments are skipped:
/// Anthropic repeats the event name as the data's <c>type</c>.
/// </summary>
internal sealed class SseDataReader(Stream stream)
{
    private readonly ArrayBufferWriter<byte> _data = new(1024);
    private byte[] _buffer = new byte[8 * 1024];
    private int _start;
    private int _end;
    private bool _hasData;

    /// <summary>The data of the event the last <see cref="NextAsync"/> returned; valid until the next call.</summary>
    public ReadOnlyMemory<byte> Data => _data.WrittenMemory;

    /// <summary>Advances to the next event with data; false at the end of the stream.</summary>
    public async ValueTask<bool> NextAsync(CancellationToken cancellationToken)
    {
        _data.ResetWrittenCount();
        _hasData = false;
        while (!ScanLines())
        {
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                // A last event without its closing blank line still counts.
                return _hasData;
            }

            _end += read;
        }

        return true;
    }

    /// <summary>Consumes complete lines; true when a blank line ended an event that had data.</summary>
    private bool ScanLines()
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var lf = pending.IndexOf((byte)'\n');
            if (lf < 0)
            {
                return false;
            }

            var line = pending[..lf];
            _start += lf + 1;
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                if (_hasData)
                {
                    return true;
                }

                continue;
            }

            if (line.StartsWith("data:"u8))
            {
                var value = line[5..];
                if (value.Length > 0 && value[0] == ' ')
                {
                    value = value[1..];
                }

                if (_hasData)
                {
                    _data.Write("\n"u8);
                }

                _data.Write(value);
                _hasData = true;
            }
        }
    }
}
