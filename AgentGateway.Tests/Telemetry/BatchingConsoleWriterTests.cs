using AgentGateway.Telemetry;

namespace AgentGateway.Tests.Telemetry;

/// <summary>
/// Standard output for the console logger: lines written close together share one write to the descriptor, a lone line
/// still comes out within the delay, and nothing written before dispose (shutdown) is lost.
/// </summary>
public class BatchingConsoleWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LinesWrittenWithinTheDelay_ReachTheStreamInOneWrite()
    {
        var output = new CountingStream();
        using var writer = new BatchingConsoleWriter(output, TimeSpan.FromMilliseconds(200)).Locked;

        var lines = Enumerable.Range(0, 100).Select(i => $"info: AgentGateway.AccessLog[1]\n      access route=web status=200 n={i}\n").ToList();
        foreach (var line in lines)
        {
            writer.Write(line);
        }

        Assert.Equal(0, output.Writes);
        await WaitUntilAsync(() => output.Writes > 0);
        Assert.Equal(1, output.Writes);
        Assert.Equal(string.Concat(lines), output.Text);
    }

    [Fact]
    public async Task ALoneLine_IsWrittenWithinTheDelay_WithoutAnyFlush()
    {
        var output = new CountingStream();
        using var writer = new BatchingConsoleWriter(output, TimeSpan.FromMilliseconds(20)).Locked;

        writer.WriteLine("info: AgentGateway.AccessLog[1]");
        await WaitUntilAsync(() => output.Writes > 0);
        Assert.Equal("info: AgentGateway.AccessLog[1]" + Environment.NewLine, output.Text);

        writer.Write('x');
        await WaitUntilAsync(() => output.Writes > 1);
        Assert.EndsWith("x", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_WritesWhatIsPending_AndLaterWritesGoStraightThrough()
    {
        var output = new CountingStream();
        var writer = new BatchingConsoleWriter(output, TimeSpan.FromHours(1)).Locked;
        writer.Write("pending line\n");
        writer.Write("é and ✓\n".AsSpan());
        Assert.Equal(0, output.Writes);

        writer.Dispose();
        Assert.Equal("pending line\né and ✓\n", output.Text);

        writer.Write("after\n");
        Assert.Equal("pending line\né and ✓\nafter\n", output.Text);
    }

    [Fact]
    public void AFullBuffer_IsWrittenAtOnce()
    {
        var output = new CountingStream();
        var writer = new BatchingConsoleWriter(output, TimeSpan.FromHours(1), bufferChars: 1024).Locked;

        writer.Write(new string('a', 3000));

        Assert.Equal(2, output.Writes);
        Assert.Equal(2048, output.Text.Length);
        writer.Dispose();
        Assert.Equal(3000, output.Text.Length);
    }

    [Fact]
    public void SetOut_KeepsTheSynchronizedWriter_SoTheConsoleStreamAndTheTimerShareOneLock()
    {
        // The console's stream locks Console.Out while it writes; if SetOut wrapped the writer again, the timer's flush
        // and the logger's writes would take two locks in opposite orders.
        var writer = new BatchingConsoleWriter(new CountingStream(), TimeSpan.FromHours(1)).Locked;
        var original = Console.Out;
        try
        {
            Console.SetOut(writer);
            Assert.Same(writer, Console.Out);
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    [Fact]
    public async Task ConcurrentWritersAndTimerFlushes_OnTheConsoleStream_DoNotDeadlock()
    {
        // A stream that locks the installed writer around each write, as the console's stream locks Console.Out, under
        // writes from several threads and a flush by the timer every millisecond: the logger's thread, request threads
        // and the timer in the gateway.
        var stream = new ConsoleLikeStream();
        using var writer = new BatchingConsoleWriter(stream, TimeSpan.FromMilliseconds(1)).Locked;
        stream.ConsoleOut = writer;
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                writer.Write("info: AgentGateway.AccessLog[1]\n      access route=web\n");
            }
        }, Ct));
        var all = Task.WhenAll(writers);
        Assert.Same(all, await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(30), Ct)));
        Assert.True(stream.Writes > 0);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10, Ct);
        }

        Assert.True(condition());
    }

    /// <summary>Writes as the console's stream does on Unix: under <c>lock (Console.Out)</c>.</summary>
    private sealed class ConsoleLikeStream : MemoryStream
    {
        private int _writes;

        public object ConsoleOut { get; set; } = new();

        public int Writes => Volatile.Read(ref _writes);

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (ConsoleOut)
            {
                Interlocked.Increment(ref _writes);
            }
        }
    }

    /// <summary>Standard output as the writer sees it: counts the writes that would each be one system call.</summary>
    private sealed class CountingStream : MemoryStream
    {
        private int _writes;

        public int Writes => Volatile.Read(ref _writes);

        public string Text
        {
            get
            {
                lock (this)
                {
                    return System.Text.Encoding.UTF8.GetString(ToArray());
                }
            }
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (this)
            {
                base.Write(buffer, offset, count);
                Interlocked.Increment(ref _writes);
            }
        }
    }
}
