namespace AgentGateway.Traffic;

/// <summary>
/// The response body seen by the handler while timeouts apply: detects SSE on the first write (switching
/// the deadline to idle mode), re-arms the idle timer on every write, and once the deadline expired
/// before anything was sent, swallows the handler's late output so the gateway can still answer 504.
/// </summary>
internal sealed class DeadlineResponseStream(Stream inner, RequestDeadline deadline, HttpResponse response) : Stream
{
    private bool _checkedStreaming;

    /// <summary>Whether any byte or flush reached the client.</summary>
    public bool ForwardedAnything { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (BeforeWrite())
        {
            await inner.FlushAsync(cancellationToken);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (BeforeWrite())
        {
            await inner.WriteAsync(buffer, cancellationToken);
            deadline.Activity();
        }
    }

    /// <summary>False when the output must be swallowed (the deadline expired before the response started).</summary>
    private bool BeforeWrite()
    {
        if (deadline.Expired && !ForwardedAnything)
        {
            return false;
        }

        if (!_checkedStreaming)
        {
            _checkedStreaming = true;
            if (response.ContentType?.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase) == true)
            {
                deadline.SwitchToIdle();
            }
        }

        ForwardedAnything = true;
        return true;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
