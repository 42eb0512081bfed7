using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;

namespace AgentGateway.Llm.Providers.Bedrock;

/// <summary>
/// Reads the AWS event-stream binary framing (<c>application/vnd.amazon.eventstream</c>), which ConverseStream
/// answers with: a 12-byte prelude (total length, headers length, CRC32 of those 8 bytes), typed headers, the
/// payload, and a CRC32 of everything before it. Both checksums are verified: a corrupted frame would otherwise
/// be read as a shorter or longer one and desynchronise the rest of the stream.
/// </summary>
internal static class EventStreamReader
{
    /// <summary>Frames are small JSON events; anything larger than this is corruption, not a message.</summary>
    public const int MaxMessageLength = 16 * 1024 * 1024;

    private const int PreludeLength = 12;
    private const int MinimumLength = PreludeLength + 4;

    public static async IAsyncEnumerable<EventStreamMessage> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prelude = new byte[PreludeLength];
        while (true)
        {
            var read = await stream.ReadAtLeastAsync(prelude, PreludeLength, throwOnEndOfStream: false, cancellationToken);
            if (read == 0)
            {
                yield break;
            }

            if (read < PreludeLength)
            {
                throw new InvalidDataException("The event stream ended inside a message prelude.");
            }

            var total = BinaryPrimitives.ReadUInt32BigEndian(prelude);
            var headersLength = BinaryPrimitives.ReadUInt32BigEndian(prelude.AsSpan(4));
            if (Crc32.HashToUInt32(prelude.AsSpan(0, 8)) != BinaryPrimitives.ReadUInt32BigEndian(prelude.AsSpan(8)))
            {
                throw new InvalidDataException("Event stream prelude checksum mismatch.");
            }

            if (total < MinimumLength || total > MaxMessageLength || headersLength > total - MinimumLength)
            {
                throw new InvalidDataException($"Event stream message length {total} (headers {headersLength}) is invalid.");
            }

            var message = new byte[total];
            prelude.CopyTo(message, 0);
            await stream.ReadExactlyAsync(message.AsMemory(PreludeLength), cancellationToken);
            yield return Parse(message, (int)headersLength);
        }
    }

    /// <summary>Parses one complete frame whose prelude checksum has been checked.</summary>
    public static EventStreamMessage Parse(byte[] message, int headersLength)
    {
        var crcAt = message.Length - 4;
        if (Crc32.HashToUInt32(message.AsSpan(0, crcAt)) != BinaryPrimitives.ReadUInt32BigEndian(message.AsSpan(crcAt)))
        {
            throw new InvalidDataException("Event stream message checksum mismatch.");
        }

        var headers = ReadHeaders(message.AsSpan(PreludeLength, headersLength));
        var payloadAt = PreludeLength + headersLength;
        return new EventStreamMessage(headers, message.AsMemory(payloadAt, crcAt - payloadAt));
    }

    private static Dictionary<string, object> ReadHeaders(ReadOnlySpan<byte> span)
    {
        var headers = new Dictionary<string, object>(StringComparer.Ordinal);
        while (!span.IsEmpty)
        {
            int nameLength = span[0];
            var name = Encoding.UTF8.GetString(Take(ref span, 1, nameLength));
            var type = Take(ref span, 0, 1)[0];
            headers[name] = type switch
            {
                0 => true,
                1 => false,
                2 => (sbyte)Take(ref span, 0, 1)[0],
                3 => BinaryPrimitives.ReadInt16BigEndian(Take(ref span, 0, 2)),
                4 => BinaryPrimitives.ReadInt32BigEndian(Take(ref span, 0, 4)),
                5 => BinaryPrimitives.ReadInt64BigEndian(Take(ref span, 0, 8)),
                6 => Take(ref span, 2, BinaryPrimitives.ReadUInt16BigEndian(Take(ref span, 0, 2, peek: true))).ToArray(),
                7 => Encoding.UTF8.GetString(Take(ref span, 2, BinaryPrimitives.ReadUInt16BigEndian(Take(ref span, 0, 2, peek: true)))),
                8 => DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(Take(ref span, 0, 8))),
                9 => new Guid(Take(ref span, 0, 16), bigEndian: true),
                _ => throw new InvalidDataException($"Unknown event stream header type {type}."),
            };
        }

        return headers;
    }

    /// <summary>Consumes <paramref name="skip"/> + <paramref name="length"/> bytes and returns the last <paramref name="length"/>.</summary>
    private static ReadOnlySpan<byte> Take(ref ReadOnlySpan<byte> span, int skip, int length, bool peek = false)
    {
        if (span.Length < skip + length)
        {
            throw new InvalidDataException("An event stream header runs past the headers section.");
        }

        var result = span.Slice(skip, length);
        if (!peek)
        {
            span = span[(skip + length)..];
        }

        return result;
    }
}
