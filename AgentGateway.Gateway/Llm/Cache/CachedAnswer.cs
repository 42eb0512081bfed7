using System.Buffers.Binary;
using System.Text;

namespace AgentGateway.Llm.Cache;

/// <summary>
/// One stored answer: the bytes the client received (a JSON body, or the whole SSE stream) and their content type.
/// Nothing else of the original response is kept: provider request ids and rate-limit headers were about that call.
/// </summary>
internal sealed record CachedAnswer(string ContentType, byte[] Body)
{
    private const byte Version = 1;

    public bool IsStream => ContentType.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase);

    /// <summary>What the entry costs a bounded store, roughly: the body, plus the strings that travel with it.</summary>
    public long Size(string key) => Body.Length + ContentType.Length + key.Length + 64;

    /// <summary>version byte, content-type length (int32 little endian), content type (UTF-8), body.</summary>
    public byte[] Serialize()
    {
        var type = Encoding.UTF8.GetBytes(ContentType);
        var bytes = new byte[1 + 4 + type.Length + Body.Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(1), type.Length);
        type.CopyTo(bytes, 5);
        Body.CopyTo(bytes, 5 + type.Length);
        return bytes;
    }

    /// <summary>The entry, or null for bytes another version of the gateway wrote (read as a miss).</summary>
    public static CachedAnswer? Deserialize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 5 || bytes[0] != Version)
        {
            return null;
        }

        var typeLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[1..]);
        if (typeLength < 0 || typeLength > bytes.Length - 5)
        {
            return null;
        }

        return new CachedAnswer(Encoding.UTF8.GetString(bytes.Slice(5, typeLength)), bytes[(5 + typeLength)..].ToArray());
    }
}
