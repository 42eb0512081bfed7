using System.Text;

namespace AgentGateway.Telemetry;

/// <summary>
/// Standard output that gathers what is written within <see cref="DefaultDelay"/> into one write to the file descriptor.
/// </summary>
/// <remarks>
/// The console logger formats on the request's thread and writes on its own thread, one flushed write per message:
/// with one access-log line per request that is one <c>write</c> system call per request, ~3 % of the gateway's CPU on
/// LLM passthrough (bench/README.md, "access log"). Installed as <see cref="Console.Out"/> before the logging providers
/// are built, this writer leaves the formatters' text as it is (same bytes, same order) and only changes when they
/// reach the descriptor: at most <see cref="DefaultDelay"/> after the first unwritten character, at once when the buffer
/// fills, and on <see cref="Flush"/> / dispose. Dispose runs after the host has stopped (the console logger has written
/// its queue by then) and at process exit, so a clean shutdown loses no line; after it, writes go straight through.
/// Not thread-safe itself: use it through <see cref="Locked"/>.
/// </remarks>
internal sealed class BatchingConsoleWriter : TextWriter
{
    /// <summary>How long a line may wait for others to share its write.</summary>
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromMilliseconds(20);

    private readonly StreamWriter _writer;
    private readonly TimeSpan _delay;
    private readonly Timer _timer;
    private bool _scheduled;
    private bool _disposed;

    public BatchingConsoleWriter(Stream output, TimeSpan delay, int bufferChars = 32 * 1024)
    {
        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferChars) { AutoFlush = false };
        _delay = delay;
        _timer = new Timer(_ => FlushQuietly());
        Locked = TextWriter.Synchronized(this);
    }

    /// <summary>
    /// This writer behind a lock on the wrapper itself, which is what <see cref="Console.SetOut"/> installs and what
    /// the console's own stream locks while it writes (<c>lock (Console.Out)</c>). Every use goes through it, the
    /// timer's flush too: with a lock of our own, a flush holding it would wait for <c>Console.Out</c> while the logger's
    /// thread holds <c>Console.Out</c> and waits for it (a deadlock under load).
    /// </summary>
    public TextWriter Locked { get; }

    public override Encoding Encoding => _writer.Encoding;

    public override IFormatProvider FormatProvider => _writer.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => _writer.NewLine;
        set => _writer.NewLine = value;
    }

    /// <summary>
    /// Makes a batching writer the process's <see cref="Console.Out"/> and returns it (synchronized); dispose it after
    /// the host has stopped. Call it before the host is built: the console logger keeps the <see cref="Console.Out"/> it
    /// finds when it is created.
    /// </summary>
    public static TextWriter Install()
    {
        var writer = new BatchingConsoleWriter(Console.OpenStandardOutput(), DefaultDelay).Locked;
        Console.SetOut(writer);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => writer.Dispose();
        return writer;
    }

    public override void Write(char value)
    {
        _writer.Write(value);
        Written();
    }

    public override void Write(string? value)
    {
        _writer.Write(value);
        Written();
    }

    public override void Write(char[] buffer, int index, int count)
    {
        _writer.Write(buffer, index, count);
        Written();
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        _writer.Write(buffer);
        Written();
    }

    public override void WriteLine(string? value)
    {
        _writer.WriteLine(value);
        Written();
    }

    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        _writer.WriteLine(buffer);
        Written();
    }

    public override void Flush()
    {
        _scheduled = false;
        _writer.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed = true;
            _writer.Flush();
            _timer.Dispose();
        }

        base.Dispose(disposing);
    }

    // On the timer's thread an exception would end the process; the console logger's own thread also gives up quietly.
    private void FlushQuietly()
    {
        try
        {
            Locked.Flush();
        }
        catch (IOException)
        {
        }
    }

    // Called under the lock of Locked: arms the timer for the first unwritten text, or writes through once disposed.
    private void Written()
    {
        if (_disposed)
        {
            _writer.Flush();
        }
        else if (!_scheduled)
        {
            _scheduled = true;
            _timer.Change(_delay, Timeout.InfiniteTimeSpan);
        }
    }
}
