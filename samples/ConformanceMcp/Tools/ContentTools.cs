using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Samples.ConformanceMcp.Tools;

/// <summary>Tools whose results exercise each content type of the tools/call scenarios.</summary>
[McpServerToolType]
internal static class ContentTools
{
    [McpServerTool(Name = "test_simple_text", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Returns a fixed text block.")]
    public static string SimpleText() => "This is a simple text response for testing.";

    [McpServerTool(Name = "test_image_content", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Returns a small PNG image block.")]
    public static ImageContentBlock ImageContent() => ImageContentBlock.FromBytes(TestMedia.Png, "image/png");

    [McpServerTool(Name = "test_audio_content", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Returns a short WAV audio block.")]
    public static AudioContentBlock AudioContent() => AudioContentBlock.FromBytes(TestMedia.Wav, "audio/wav");

    [McpServerTool(Name = "test_embedded_resource", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Returns an embedded text resource.")]
    public static EmbeddedResourceBlock EmbeddedResource() => new()
    {
        Resource = new TextResourceContents
        {
            Uri = "test://embedded-resource",
            MimeType = "text/plain",
            Text = "This is an embedded resource content.",
        },
    };

    [McpServerTool(Name = "test_multiple_content_types", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Returns text, image and embedded resource blocks in one result.")]
    public static IEnumerable<ContentBlock> MultipleContentTypes() =>
    [
        new TextContentBlock { Text = "Multiple content types test:" },
        ImageContentBlock.FromBytes(TestMedia.Png, "image/png"),
        new EmbeddedResourceBlock
        {
            Resource = new TextResourceContents
            {
                Uri = "test://mixed-content-resource",
                MimeType = "application/json",
                Text = """{"test":"data","value":123}""",
            },
        },
    ];

    [McpServerTool(Name = "test_error_handling", OpenWorld = false)]
    [Description("Always fails; the failure is reported as a tool result with isError set.")]
    public static string ErrorHandling() =>
        // McpException messages reach the client as an isError result (other exceptions are masked).
        throw new McpException("This tool intentionally returns an error for testing");

    /// <summary>
    /// The SDK derives input schemas from method signatures; this scenario needs 2020-12 keywords
    /// ($schema, $defs, additionalProperties) that must survive listing untouched, so the schema is set by hand.
    /// </summary>
    public static McpServerTool CreateJsonSchema202012Tool()
    {
        var tool = McpServerTool.Create(
            (JsonElement? name, JsonElement? address) => "JSON Schema 2020-12 tool executed",
            new McpServerToolCreateOptions
            {
                Name = "json_schema_2020_12_tool",
                Description = "Tool with JSON Schema 2020-12 features",
                ReadOnly = true,
                OpenWorld = false,
            });
        tool.ProtocolTool.InputSchema = JsonDocument.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "$defs": {
                "address": {
                  "type": "object",
                  "properties": { "street": { "type": "string" }, "city": { "type": "string" } }
                }
              },
              "properties": {
                "name": { "type": "string" },
                "address": { "$ref": "#/$defs/address" }
              },
              "additionalProperties": false
            }
            """).RootElement.Clone();
        return tool;
    }
}
