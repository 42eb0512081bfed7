using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace MockLlm;

/// <summary>Encodes AWS event-stream frames (prelude, string headers, payload, CRC32s) as Bedrock's ConverseStream sends them.</summary>
public static class EventStreamWriter
{
    public static byte[] Frame(IReadOnlyList<(string Name, string Value)> headers, ReadOnlySpan<byte> payload)
    {
        using var headerBytes = new MemoryStream();
        Span<byte> length = stackalloc byte[2];
        foreach (var (name, value) in headers)
        {
            var n = Encoding.UTF8.GetBytes(name);
            var v = Encoding.UTF8.GetBytes(value);
            headerBytes.WriteByte((byte)n.Length);
            headerBytes.Write(n);
            headerBytes.WriteByte(7); // string
            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)v.Length);
            headerBytes.Write(length);
            headerBytes.Write(v);
        }

        var total = 12 + (int)headerBytes.Length + payload.Length + 4;
        var frame = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)total);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)headerBytes.Length);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), Crc32.HashToUInt32(frame.AsSpan(0, 8)));
        headerBytes.GetBuffer().AsSpan(0, (int)headerBytes.Length).CopyTo(frame.AsSpan(12));
        payload.CopyTo(frame.AsSpan(12 + (int)headerBytes.Length));
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(total - 4), Crc32.HashToUInt32(frame.AsSpan(0, total - 4)));
        return frame;
    }

    public static byte[] Event(string eventType, string json) =>
        Frame([(":event-type", eventType), (":content-type", "application/json"), (":message-type", "event")], Encoding.UTF8.GetBytes(json));

    public static byte[] Exception(string exceptionType, string message) =>
        Frame([(":exception-type", exceptionType), (":content-type", "application/json"), (":message-type", "exception")], Encoding.UTF8.GetBytes("{\"message\":\"" + message + "\"}"));
}
