using System.Text.Json;

namespace AgentGateway.A2A.Protocol.V1;

/// <summary>v1.0 content part: a protobuf oneof, so exactly one of Text, Raw, Url or Data is set.</summary>
internal sealed record Part
{
    public string? Text { get; init; }
    /// <summary>Base64 bytes.</summary>
    public string? Raw { get; init; }
    public string? Url { get; init; }
    public JsonElement? Data { get; init; }
    public string? Filename { get; init; }
    public string? MediaType { get; init; }
    public Dictionary<string, JsonElement>? Metadata { get; init; }

    public static Part FromText(string text) => new() { Text = text, MediaType = "text/plain" };
}
