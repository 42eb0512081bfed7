namespace AgentGateway.Llm.Cache;

/// <summary>
/// Passes every write on to the client and keeps a copy, up to a limit: past it the copy is dropped (the answer is
/// too large to cache) while the client still gets every byte. Flushes go straight through, so streams stay streams.
/// </summary>
internal sealed class CapturingStream(Stream inner, long limit) : Stream
{
    private MemoryStream? _copy = new();

    /// <summary>The bytes written so far, or null once they passed the limit.</summary>
    public ReadOnlySpan<byte> Captured => _copy is null ? default : _copy.GetBuffer().AsSpan(0, (int)_copy.Length);

    public bool Overflowed => _copy is null;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Keep(buffer.AsSpan(offset, count));
        inner.Write(buffer, offset, count);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (_copy is null)
        {
            return;
        }

        if (_copy.Length + bytes.Length > limit)
        {
            _copy.Dispose();
            _copy = null;
            return;
        }

        _copy.Write(bytes);
    }

    protected override void Dispose(bool disposing)
    {
        // The inner stream is the server's; only the copy is ours.
        _copy?.Dispose();
        _copy = null;
        base.Dispose(disposing);
    }
}
