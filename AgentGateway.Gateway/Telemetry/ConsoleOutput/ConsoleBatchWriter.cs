using System.Text;

namespace AgentGateway.Telemetry.ConsoleOutput;

/// <summary>
/// Whole log lines, written to an output stream in batches by one thread of its own. The framework's console logger
/// hands every message to its writer thread (a wake-up and a context switch per line) and writes each with its own
/// system call; at one access line per request that was 10–15 % of LLM passthrough throughput (bench/README.md,
/// "Console output"). Here a producer only appends under a short lock. The first line after an empty batch wakes the
/// writer, which then lets lines gather for <see cref="Interval"/> (less once <see cref="WakeChars"/> are pending)
/// and writes them all at once: under load one wake-up and one write per interval, idle none at all. Nothing is
/// dropped: past <see cref="MaxPendingChars"/> producers wait for the writer; disposing (host shutdown) and process
/// exit write what is left.
/// </summary>
internal sealed class ConsoleBatchWriter : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);
    public const int WakeChars = 32 * 1024;
    public const int MaxPendingChars = 1024 * 1024;

    private readonly Stream _output;
    private readonly object _gate = new();
    private readonly object _writeGate = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly Thread _thread;
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private readonly byte[] _bytes = new byte[64 * 1024];
    private StringBuilder _pending = new();
    private StringBuilder _writing = new();
    private volatile bool _stopping;
    private int _disposed;

    public ConsoleBatchWriter(Stream output)
    {
        _output = output;
        _thread = new Thread(Run) { IsBackground = true, Name = "Console batch writer" };
        _thread.Start();
    }

    /// <summary>Queues <paramref name="text"/> (one or more whole lines) behind everything appended before it.</summary>
    public void Append(StringBuilder text)
    {
        bool wake;
        lock (_gate)
        {
            while (_pending.Length >= MaxPendingChars && !_stopping)
            {
                Monitor.Wait(_gate);
            }

            wake = _pending.Length == 0;
            _pending.Append(text);
            wake |= _pending.Length >= WakeChars;
        }

        if (Volatile.Read(ref _disposed) == 1)
        {
            // Logged after shutdown (the writer thread is gone): written at once, on the caller's thread.
            Flush();
        }
        else if (wake)
        {
            _wake.Set();
        }
    }

    /// <summary>Writes every pending line now (on the calling thread; used at exit).</summary>
    public void Flush()
    {
        lock (_writeGate)
        {
            WritePending();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping = true;
        _wake.Set();
        _thread.Join(TimeSpan.FromSeconds(5));
        Flush();
    }

    private void Run()
    {
        while (!_stopping)
        {
            _wake.WaitOne(); // the first line of a batch (or stop)
            _wake.WaitOne(Interval); // its company (or enough pending, or stop)
            Flush();
        }
    }

    // Callers hold _writeGate: one batch at a time, in order.
    private void WritePending()
    {
        lock (_gate)
        {
            if (_pending.Length == 0)
            {
                return;
            }

            (_pending, _writing) = (_writing, _pending);
            Monitor.PulseAll(_gate);
        }

        var batch = _writing;
        try
        {
            foreach (var chunk in batch.GetChunks())
            {
                var chars = chunk.Span;
                while (!chars.IsEmpty)
                {
                    _encoder.Convert(chars, _bytes, flush: false, out var used, out var written, out _);
                    _output.Write(_bytes, 0, written);
                    chars = chars[used..];
                }
            }

            _output.Flush();
        }
        catch (IOException)
        {
            // Standard output is gone (a closed pipe): there is nowhere left to write these lines to.
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            batch.Clear();
        }
    }
}
