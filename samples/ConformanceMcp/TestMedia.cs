namespace AgentGateway.Samples.ConformanceMcp;

/// <summary>Tiny binary payloads for the image, audio and blob scenarios.</summary>
internal static class TestMedia
{
    /// <summary>A 2x2 blue PNG.</summary>
    public const string PngBase64 =
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGOQm/AfiBggFAArdga1oJlfgAAAAABJRU5ErkJggg==";

    public static byte[] Png { get; } = Convert.FromBase64String(PngBase64);

    /// <summary>A valid 8 kHz mono 16-bit WAV holding 8 samples of silence, built rather than pasted.</summary>
    public static byte[] Wav { get; } = BuildSilentWav(sampleCount: 8);

    private static byte[] BuildSilentWav(int sampleCount)
    {
        const int sampleRate = 8000;
        const short channels = 1;
        const short bitsPerSample = 16;
        var dataLength = sampleCount * channels * bitsPerSample / 8;

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write("RIFF"u8);
            writer.Write(36 + dataLength);
            writer.Write("WAVE"u8);
            writer.Write("fmt "u8);
            writer.Write(16);                                           // PCM header size
            writer.Write((short)1);                                     // PCM
            writer.Write(channels);
            writer.Write(sampleRate);
            writer.Write(sampleRate * channels * bitsPerSample / 8);   // byte rate
            writer.Write((short)(channels * bitsPerSample / 8));        // block align
            writer.Write(bitsPerSample);
            writer.Write("data"u8);
            writer.Write(dataLength);
            writer.Write(new byte[dataLength]);
        }

        return stream.ToArray();
    }
}
