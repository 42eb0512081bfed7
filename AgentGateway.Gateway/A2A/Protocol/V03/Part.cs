using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentGateway.A2A.Protocol.V03;

/// <summary>v0.3 content part, discriminated by <c>kind</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TextPart), "text")]
[JsonDerivedType(typeof(FilePart), "file")]
[JsonDerivedType(typeof(DataPart), "data")]
internal abstract record Part
{
    public Dictionary<string, JsonElement>? Metadata { get; init; }
}

internal sealed record TextPart(string Text) : Part;

internal sealed record FilePart(FileContent File) : Part;

internal sealed record DataPart(JsonElement Data) : Part;

/// <summary>File content: inline base64 <c>Bytes</c> or a <c>Uri</c>.</summary>
internal sealed record FileContent
{
    public string? Name { get; init; }
    public string? MimeType { get; init; }
    public string? Bytes { get; init; }
    public string? Uri { get; init; }
}
