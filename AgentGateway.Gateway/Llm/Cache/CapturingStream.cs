namespace AgentGateway.Llm.Cache;

/// <summary>
/// Passes every write on to the client and keeps a copy, up to a limit: past it the copy is dropped (the answer is
/// too large to cache) while the client still gets every byte. Flushes go straight through, so streams stay streams.
/// </summary>
internal sealed class CapturingStream(Stream inner, long limit) : Telemetry.WriteObservingStream(inner)
{
    private MemoryStream? _copy = new();

    /// <summary>The bytes written so far, or null once they passed the limit.</summary>
    public ReadOnlySpan<byte> Captured => _copy is null ? default : _copy.GetBuffer().AsSpan(0, (int)_copy.Length);

    public bool Overflowed => _copy is null;

    protected override void OnWrite(ReadOnlySpan<byte> bytes)
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
