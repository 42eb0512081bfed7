using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Samples.ConformanceMcp.Resources;

/// <summary>The resources and the resource template the resources-* scenarios read.</summary>
[McpServerResourceType]
internal static class ConformanceResources
{
    [McpServerResource(UriTemplate = "test://static-text", Name = "static-text", MimeType = "text/plain")]
    [Description("A static text resource.")]
    public static TextResourceContents StaticText() => new()
    {
        Uri = "test://static-text",
        MimeType = "text/plain",
        Text = "This is the content of the static text resource.",
    };

    [McpServerResource(UriTemplate = "test://static-binary", Name = "static-binary", MimeType = "image/png")]
    [Description("A static binary (PNG) resource.")]
    public static BlobResourceContents StaticBinary() =>
        BlobResourceContents.FromBytes(TestMedia.Png, "test://static-binary", "image/png");

    [McpServerResource(UriTemplate = "test://watched-resource", Name = "watched-resource", MimeType = "text/plain")]
    [Description("A resource clients can subscribe to; test_update_watched_resource changes it.")]
    public static TextResourceContents WatchedResource(WatchedResourceState state) => new()
    {
        Uri = WatchedResourceState.Uri,
        MimeType = "text/plain",
        Text = state.Text,
    };

    [McpServerResource(UriTemplate = "test://template/{id}/data", Name = "template-data", MimeType = "application/json")]
    [Description("Data for an id, substituted from the URI template.")]
    public static TextResourceContents TemplateData([Description("The id to look up")] string id) => new()
    {
        Uri = $"test://template/{id}/data",
        MimeType = "application/json",
        Text = JsonSerializer.Serialize(
            new Dictionary<string, object?> { ["id"] = id, ["templateTest"] = true, ["data"] = $"Data for ID: {id}" },
            ConformanceJson.Default.DictionaryStringObject),
    };
}
