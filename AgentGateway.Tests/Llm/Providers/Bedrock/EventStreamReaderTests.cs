using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using AgentGateway.Llm.Providers.Bedrock;
using MockLlm;

namespace AgentGateway.Tests.Llm.Providers.Bedrock;

/// <summary>The AWS event-stream framing: prelude and message CRC32s, every header type, frames split across reads.</summary>
public class EventStreamReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<EventStreamMessage>> ReadAllAsync(Stream stream)
    {
        var list = new List<EventStreamMessage>();
        await foreach (var m in EventStreamReader.ReadAsync(stream, Ct))
        {
            list.Add(m);
        }

        return list;
    }

    [Fact]
    public async Task EmptyMessage_FromTheReferenceVectors_Parses()
    {
        // awslabs' "empty_message" encoding: total 16, no headers, no payload, prelude CRC 05c248eb, message CRC 7d98c8ff.
        byte[] frame = [0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x05, 0xc2, 0x48, 0xeb, 0x7d, 0x98, 0xc8, 0xff];

        var message = Assert.Single(await ReadAllAsync(new MemoryStream(frame)));

        Assert.Empty(message.Headers);
        Assert.True(message.Payload.IsEmpty);
    }

    [Fact]
    public async Task Frames_SplitIntoSingleBytes_AreReassembled()
    {
        var bytes = EventStreamWriter.Event("contentBlockDelta", """{"delta":{"text":"hé"}}""").Concat(EventStreamWriter.Exception("throttlingException", "slow down")).ToArray();

        var messages = await ReadAllAsync(new TrickleStream(bytes));

        Assert.Equal(2, messages.Count);
        Assert.Equal("contentBlockDelta", messages[0].EventType);
        Assert.Equal("event", messages[0].MessageType);
        Assert.Equal("""{"delta":{"text":"hé"}}""", Encoding.UTF8.GetString(messages[0].Payload.Span));
        Assert.Equal("exception", messages[1].MessageType);
        Assert.Equal("throttlingException", messages[1].ExceptionType);
    }

    [Fact]
    public async Task EveryHeaderType_IsDecoded()
    {
        var id = Guid.NewGuid();
        var headers = new MemoryStream();
        void Name(string n)
        {
            headers.WriteByte((byte)n.Length);
            headers.Write(Encoding.ASCII.GetBytes(n));
        }

        void Bytes(params byte[] b) => headers.Write(b);
        Name("t"); Bytes(0);
        Name("f"); Bytes(1);
        Name("b"); Bytes(2, 0xff);
        Name("s"); Bytes(3, 0x01, 0x02);
        Name("i"); Bytes(4, 0x00, 0x01, 0x00, 0x00);
        Name("l"); Bytes(5, 0, 0, 0, 0, 0, 0, 0x01, 0x00);
        Name("y"); Bytes(6, 0x00, 0x02, 0xca, 0xfe);
        Name("z"); Bytes(7, 0x00, 0x02, (byte)'o', (byte)'k');
        Name("d"); Bytes(8, 0, 0, 0x01, 0x8b, 0xcf, 0xe5, 0x68, 0x00);
        Name("u"); Bytes(9); headers.Write(id.ToByteArray(bigEndian: true));

        var message = Assert.Single(await ReadAllAsync(new MemoryStream(Frame(headers.ToArray(), "{}"u8.ToArray()))));

        Assert.Equal(true, message.Headers["t"]);
        Assert.Equal(false, message.Headers["f"]);
        Assert.Equal((sbyte)-1, message.Headers["b"]);
        Assert.Equal((short)0x0102, message.Headers["s"]);
        Assert.Equal(65536, message.Headers["i"]);
        Assert.Equal(256L, message.Headers["l"]);
        Assert.Equal(new byte[] { 0xca, 0xfe }, message.Headers["y"]);
        Assert.Equal("ok", message.Headers["z"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(0x018bcfe56800), message.Headers["d"]);
        Assert.Equal(id, message.Headers["u"]);
    }

    [Fact]
    public async Task CorruptPayload_FailsTheMessageChecksum()
    {
        var frame = EventStreamWriter.Event("messageStop", """{"stopReason":"end_turn"}""");
        frame[^6] ^= 0x20;

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(new MemoryStream(frame)));

        Assert.Contains("message checksum", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorruptLength_FailsThePreludeChecksum()
    {
        var frame = EventStreamWriter.Event("messageStop", "{}");
        frame[3] ^= 0x01;

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(new MemoryStream(frame)));

        Assert.Contains("prelude checksum", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedLength_IsRefusedBeforeAllocating()
    {
        var prelude = new byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(prelude, int.MaxValue);
        BinaryPrimitives.WriteUInt32BigEndian(prelude.AsSpan(8), Crc32.HashToUInt32(prelude.AsSpan(0, 8)));

        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(new MemoryStream(prelude)));
    }

    [Fact]
    public async Task StreamEndingInsideAFrame_Throws()
    {
        var frame = EventStreamWriter.Event("messageStart", """{"role":"assistant"}""");

        await Assert.ThrowsAsync<EndOfStreamException>(() => ReadAllAsync(new MemoryStream(frame[..^5])));
    }

    private static byte[] Frame(byte[] headers, byte[] payload)
    {
        var total = 12 + headers.Length + payload.Length + 4;
        var frame = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)total);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)headers.Length);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), Crc32.HashToUInt32(frame.AsSpan(0, 8)));
        headers.CopyTo(frame, 12);
        payload.CopyTo(frame, 12 + headers.Length);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(total - 4), Crc32.HashToUInt32(frame.AsSpan(0, total - 4)));
        return frame;
    }

    /// <summary>Hands out one byte per read, as a slow network might.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
