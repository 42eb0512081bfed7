using System.Text;
using AgentGateway.Telemetry.ConsoleOutput;

namespace AgentGateway.Tests.Telemetry.ConsoleOutput;

public class ConsoleBatchWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void ManyThreads_EveryLineComesOutOnceAndWhole_InEachThreadsOrder()
    {
        const int threads = 8;
        const int perThread = 3000;
        var output = new RecordingStream();
        using (var writer = new ConsoleBatchWriter(output))
        {
            Parallel.For(0, threads, t =>
            {
                var line = new StringBuilder();
                for (var i = 0; i < perThread; i++)
                {
                    // Non-ASCII on purpose: the bytes are UTF-8 however the batches split the text.
                    line.Clear().Append('t').Append(t).Append(" n").Append(i).Append(" ü€😀\n");
                    writer.Append(line);
                }
            });
        }

        var lines = output.Text().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(threads * perThread, lines.Length);
        for (var t = 0; t < threads; t++)
        {
            var mine = lines.Where(l => l.StartsWith($"t{t} ", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, perThread).Select(i => $"t{t} n{i} ü€😀"), mine);
        }
    }

    [Fact]
    public async Task ALine_ComesOutWithoutShutdown_AndAnIdleWriterWritesNothing()
    {
        var output = new RecordingStream();
        using var writer = new ConsoleBatchWriter(output);
        await Task.Delay(100, Ct);
        Assert.Equal(0, output.Writes);

        writer.Append(new StringBuilder("first\n"));

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (output.Text() != "first\n" && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(5, Ct);
        }

        Assert.Equal("first\n", output.Text());
    }

    [Fact]
    public void ALineLoggedAfterDispose_IsWrittenAtOnce()
    {
        var output = new RecordingStream();
        var writer = new ConsoleBatchWriter(output);
        writer.Append(new StringBuilder("before\n"));
        writer.Dispose();

        writer.Append(new StringBuilder("after\n"));

        Assert.Equal("before\nafter\n", output.Text());
    }

    [Fact]
    public async Task OutputThatStalls_MakesProducersWaitPastTheCap_AndNoLineIsLost()
    {
        var output = new RecordingStream { Blocked = true };
        var line = new StringBuilder(new string('x', 1023) + "\n");
        var lines = 3 * ConsoleBatchWriter.MaxPendingChars / line.Length;
        using var writer = new ConsoleBatchWriter(output);

        var producer = Task.Run(() =>
        {
            for (var i = 0; i < lines; i++)
            {
                writer.Append(line);
            }
        }, Ct);

        // With the output stalled, at most one batch is out and MaxPendingChars wait: the producer cannot finish.
        await Task.Delay(300, Ct);
        Assert.False(producer.IsCompleted);

        output.Release();
        await producer.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        writer.Dispose();

        Assert.Equal(lines, output.Text().Count(c => c == '\n'));
    }

    /// <summary>Records what is written; can hold every write until released, as a stalled pipe does.</summary>
    private sealed class RecordingStream : Stream
    {
        private readonly MemoryStream _bytes = new();
        private readonly ManualResetEventSlim _open = new(true);
        private int _writes;

        public bool Blocked
        {
            init
            {
                if (value)
                {
                    _open.Reset();
                }
            }
        }

        public int Writes => Volatile.Read(ref _writes);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Release() => _open.Set();

        public string Text()
        {
            lock (_bytes)
            {
                return Encoding.UTF8.GetString(_bytes.ToArray());
            }
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _open.Wait();
            Interlocked.Increment(ref _writes);
            lock (_bytes)
            {
                _bytes.Write(buffer, offset, count);
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
